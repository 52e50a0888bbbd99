package io.quarkiverse.twofactor.runtime.rest;

import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.JSON;
import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.PROBLEM;
import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.TAG;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkiverse.twofactor.Authenticator;
import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.NewAuthenticator;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas;
import io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.Problem;
import io.smallrye.common.annotation.Blocking;

/**
 * The caller's authenticator apps, in identity mode with {@code quarkus.two-factor.totp.enabled}. Like the other
 * resources it carries no {@code @Path}: the build generates a subclass served at {@code quarkus.two-factor.rest.path}
 * + {@code /authenticators}. Enrolling or removing an app follows the rule of {@link UserMethods}. The secret appears in
 * the enrolment's answer only.
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
public abstract class AuthenticatorsResource {

    private final UserMethods methods;
    private final Authenticators authenticators;

    /** Called by the generated subclass's injecting constructor. */
    protected AuthenticatorsResource(UserMethods methods, Authenticators authenticators) {
        this.methods = methods;
        this.authenticators = authenticators;
    }

    @Operation(operationId = "twoFactorAuthenticators", summary = "The caller's authenticator apps, oldest first")
    @Tag(name = TAG)
    @APIResponse(responseCode = "200", description = "The apps", content = @Content(mediaType = JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RestSchemas.Authenticator.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode, or authenticator apps are off",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @GET
    public Response list() {
        return Problems.guard(() -> {
            List<Map<String, Object>> view = authenticators.list(owner()).stream().map(AuthenticatorsResource::view)
                    .toList();
            return Response.ok(Problems.write(view), MediaType.APPLICATION_JSON).build();
        });
    }

    @Operation(operationId = "twoFactorEnrolAuthenticator",
            summary = "Enrols an authenticator app: its secret and QR code, shown this once")
    @Tag(name = TAG)
    @RequestBody(content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.AuthenticatorRequest.class)))
    @APIResponse(responseCode = "201", description = "Enrolled, unverified", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.NewAuthenticator.class)))
    @APIResponse(responseCode = "400", description = "invalid-request", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type: the body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403",
            description = "confirmation-required: the caller has a verified way to confirm and the request carries "
                    + "no confirmed confirmation for manage-destinations",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode, or authenticator apps are off",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @POST
    public Response enrol(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = UserMethods.MANAGE_HEADER, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @HeaderParam(RequiresConfirmation.HEADER) String confirmation,
            byte[] body,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Problems.guard(() -> {
            String owner = owner();
            // The label is optional, and so is the body that would carry it.
            String label = body == null || body.length == 0 ? null
                    : JsonBody.parse(contentType, body).optionalText("label");
            methods.requireManageConfirmation(owner, confirmation);
            NewAuthenticator enrolled = authenticators.enrol(owner, label);
            Map<String, Object> view = view(enrolled.authenticator());
            view.put("secret", enrolled.secret());
            view.put("otpauthUri", enrolled.otpauthUri());
            view.put("qrCode", enrolled.qrCode());
            return Response.created(uri.getBaseUriBuilder().path(getClass())
                    .path(enrolled.authenticator().id().toString()).build())
                    .type(MediaType.APPLICATION_JSON).entity(Problems.write(view)).build();
        });
    }

    @Operation(operationId = "twoFactorVerifyAuthenticator",
            summary = "Verifies an enrolled app with its current code")
    @Tag(name = TAG)
    @RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.CodeRequest.class)))
    @APIResponse(responseCode = "200", description = "Verified: the app now confirms",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = RestSchemas.Authenticator.class)))
    @APIResponse(responseCode = "400",
            description = "invalid-request, or wrong-code: not the app's current code, or a code already used",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type: the body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404",
            description = "not-found: open mode, authenticator apps are off, or no such app of the caller",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("{id}/verify")
    public Response verify(
            @Parameter(description = "The app's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        return Problems.guard(() -> {
            String owner = owner();
            UUID parsed = JsonBody.parseId(id, "An authenticator id");
            String code = JsonBody.parse(contentType, body).requiredText("code");
            Authenticator app = find(owner, parsed);
            if (!authenticators.verify(owner, parsed, code)) {
                throw new ProblemException(400, "wrong-code", "Wrong code",
                        "That is not the app's current code, or it was used already; try the next one");
            }
            Map<String, Object> view = view(new Authenticator(app.id(), app.label(), true, app.createdAt()));
            return Response.ok(Problems.write(view), MediaType.APPLICATION_JSON).build();
        });
    }

    @Operation(operationId = "twoFactorRemoveAuthenticator", summary = "Removes one of the caller's apps")
    @Tag(name = TAG)
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "invalid-request: the id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403",
            description = "confirmation-required: the caller has a verified way to confirm and the request carries "
                    + "no confirmed confirmation for manage-destinations",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404",
            description = "not-found: open mode, authenticator apps are off, or no such app of the caller",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @DELETE
    @Path("{id}")
    public Response remove(
            @Parameter(description = "The app's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = UserMethods.MANAGE_HEADER, schema = @Schema(type = SchemaType.STRING,
                    format = "uuid")) @HeaderParam(RequiresConfirmation.HEADER) String confirmation) {
        return Problems.guard(() -> {
            String owner = owner();
            UUID parsed = JsonBody.parseId(id, "An authenticator id");
            // An unknown id is told as such before the confirmation is spent.
            find(owner, parsed);
            methods.requireManageConfirmation(owner, confirmation);
            if (!authenticators.remove(owner, parsed)) {
                throw notFound(parsed);
            }
            return Response.noContent().build();
        });
    }

    private String owner() {
        String owner = methods.owner("Authenticator apps");
        if (!authenticators.enabled()) {
            throw new ProblemException(404, "not-found", "Not found",
                    "Authenticator apps are served only when quarkus.two-factor.totp.enabled is true");
        }
        return owner;
    }

    private Authenticator find(String owner, UUID id) {
        return authenticators.list(owner).stream().filter(app -> app.id().equals(id)).findFirst()
                .orElseThrow(() -> notFound(id));
    }

    private static Map<String, Object> view(Authenticator app) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", app.id());
        view.put("label", app.label());
        view.put("verified", app.verified());
        view.put("createdAt", app.createdAt().toString());
        return view;
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(404, "not-found", "Authenticator not found", "No authenticator app has id " + id);
    }
}
