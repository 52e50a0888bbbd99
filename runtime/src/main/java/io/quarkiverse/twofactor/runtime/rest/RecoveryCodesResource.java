package io.quarkiverse.twofactor.runtime.rest;

import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.JSON;
import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.PROBLEM;
import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.TAG;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkiverse.twofactor.RecoveryCodes;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas;
import io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.Problem;
import io.smallrye.common.annotation.Blocking;

/**
 * The caller's recovery codes, in identity mode, served at {@code quarkus.two-factor.rest.path} +
 * {@code /recovery-codes} by a generated subclass. Issuing codes follows the rule of {@link UserMethods}: whoever holds
 * them can confirm as the user. Codes appear in the issuing answer only.
 */
// What every operation of the class may answer; an operation names its own 503 where it has more reasons.
@APIResponse(responseCode = "401", description = "unauthenticated: no signed-in caller",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "store-unavailable: the store cannot be reached",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "500", description = "internal-error",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
// Worker threads even where the application makes endpoints non-blocking by default, since every endpoint waits
// for the store; on this class, as Quarkus REST reads it from the class that declares the methods.
@Blocking
public abstract class RecoveryCodesResource {

    private final UserMethods methods;
    private final RecoveryCodes recoveryCodes;

    /** Called by the generated subclass's injecting constructor. */
    protected RecoveryCodesResource(UserMethods methods, RecoveryCodes recoveryCodes) {
        this.methods = methods;
        this.recoveryCodes = recoveryCodes;
    }

    @Operation(operationId = "twoFactorRecoveryCodesLeft", summary = "How many of the caller's recovery codes are left")
    @Tag(name = TAG)
    @APIResponse(responseCode = "200", description = "The count", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.RecoveryCodesLeft.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode serves no recovery codes",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @GET
    public Response remaining() {
        return Problems.guard(() -> {
            Map<String, Object> view = Map.of("remaining", recoveryCodes.remaining(methods.owner("Recovery codes")));
            return Response.ok(Problems.write(view), MediaType.APPLICATION_JSON).build();
        });
    }

    @Operation(operationId = "twoFactorIssueRecoveryCodes",
            summary = "Issues fresh recovery codes, revoking the earlier ones; shown this once")
    @Tag(name = TAG)
    @APIResponse(responseCode = "201", description = "The codes", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.IssuedRecoveryCodes.class)))
    @APIResponse(responseCode = "403",
            description = "confirmation-required: the caller has a verified way to confirm and the request carries "
                    + "no confirmed confirmation for manage-destinations",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode serves no recovery codes",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @POST
    public Response issue(
            @Parameter(description = UserMethods.MANAGE_HEADER, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @HeaderParam(RequiresConfirmation.HEADER) String confirmation) {
        return Problems.guard(() -> {
            String owner = methods.owner("Recovery codes");
            methods.requireManageConfirmation(owner, confirmation);
            List<String> codes = recoveryCodes.issue(owner);
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("codes", codes);
            view.put("remaining", codes.size());
            return Response.status(201).type(MediaType.APPLICATION_JSON).entity(Problems.write(view)).build();
        });
    }
}
