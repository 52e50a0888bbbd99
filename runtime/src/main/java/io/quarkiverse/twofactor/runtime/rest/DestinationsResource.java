package io.quarkiverse.twofactor.runtime.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.JSON;
import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.PROBLEM;
import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.TAG;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkiverse.twofactor.AddedDestination;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Destination;
import io.quarkiverse.twofactor.DestinationExistsException;
import io.quarkiverse.twofactor.Destinations;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkiverse.twofactor.runtime.ConfiguredSender;
import io.quarkiverse.twofactor.runtime.SenderRegistry;
import io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas;
import io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.Problem;
import io.smallrye.common.annotation.Blocking;

/**
 * The caller's destinations, in identity mode only. Like {@link TwoFactorResource} it carries no {@code @Path}: the
 * build generates a subclass served at {@code quarkus.two-factor.rest.path} + {@code /destinations}.
 *
 * <p>
 * Once the caller has a verified destination, adding or removing one also spends a confirmation for
 * {@value UserMethods#MANAGE_PURPOSE}, carried in the {@code Two-Factor-Confirmation} header: a stolen session alone cannot add
 * its own phone, nor remove the owner's. Recipients appear masked in every answer.
 *
 * <p>
 * The MicroProfile OpenAPI annotations describe the endpoints when the application has SmallRye OpenAPI, with the
 * shapes of {@link RestSchemas}; without it they are never read.
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
public abstract class DestinationsResource {

    private static final String MANAGE_HEADER = UserMethods.MANAGE_HEADER;

    private final DebugCodeResponse debugCode;
    private final UserMethods methods;
    private final Destinations destinations;
    private final SenderRegistry senders;
    private final CallerLimits limits;

    /** Called by the generated subclass's injecting constructor. */
    protected DestinationsResource(DebugCodeResponse debugCode, UserMethods methods, Destinations destinations,
            SenderRegistry senders, CallerLimits limits) {
        this.debugCode = debugCode;
        this.methods = methods;
        this.destinations = destinations;
        this.senders = senders;
        this.limits = limits;
    }

    @Operation(operationId = "twoFactorDestinations", summary = "The caller's destinations, oldest first")
    @Tag(name = TAG)
    @APIResponse(responseCode = "200", description = "The destinations", content = @Content(mediaType = JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RestSchemas.Destination.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode serves no destinations",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @GET
    public Response list() {
        return Problems.guard(() -> {
            String owner = owner();
            List<Map<String, Object>> view = new ArrayList<>();
            for (Destination destination : destinations.list(owner)) {
                view.add(view(destination));
            }
            return Response.ok(Problems.write(view), MediaType.APPLICATION_JSON).build();
        });
    }

    @Operation(operationId = "twoFactorDestination", summary = "One of the caller's destinations")
    @Tag(name = TAG)
    @APIResponse(responseCode = "200", description = "The destination", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.Destination.class)))
    @APIResponse(responseCode = "400", description = "invalid-request: the id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode, or no such destination of the caller",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("{id}")
    public Response get(
            @Parameter(description = "The destination id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return Problems.guard(() -> {
            String owner = owner();
            UUID parsed = destinationId(id);
            Destination destination = destinations.find(owner, parsed).orElseThrow(() -> notFound(parsed));
            return json(Response.ok(), view(destination));
        });
    }

    @Operation(operationId = "twoFactorAddDestination", summary = "Adds a destination and sends a code to verify it")
    @Tag(name = TAG)
    @RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.DestinationRequest.class)))
    @APIResponse(responseCode = "201", description = "The destination was added, unverified, and a code sent to it",
            headers = @Header(name = "Location", description = "The destination's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")), content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.AddedDestination.class)))
    @APIResponse(responseCode = "202",
            description = "The destination was added, unverified, and its code queued: the sender has "
                    + "delivery.mode=async, and the confirmation's delivery says when the code is sent",
            headers = @Header(name = "Location", description = "The destination's URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")), content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.AddedDestination.class)))
    @APIResponse(responseCode = "400",
            description = "invalid-request, unknown-sender, invalid-recipient or recipient-rejected",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403",
            description = "confirmation-required: the caller has a verified destination and the request carries "
                    + "no confirmed confirmation for manage-destinations",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode serves no destinations",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "destination-exists: the caller already has this recipient with that sender",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type: the body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429",
            description = "too-many-sends: the recipient reached the send limit; too-many-failures: the caller or "
                    + "recipient gave too many wrong codes lately; too-many-requests: the caller reached the request "
                    + "limit",
            headers = @Header(name = "Retry-After", description = "The wait in whole seconds",
            schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503",
            description = "sender-failed: the code could not be delivered; sender-budget-exhausted: the sender "
                    + "reached its send budget (with Retry-After); store-unavailable: the store cannot be reached",
            headers = @Header(name = "Retry-After", description = "sender-budget-exhausted: the wait in whole seconds",
            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @POST
    public Response add(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = MANAGE_HEADER, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @HeaderParam(RequiresConfirmation.HEADER) String confirmation,
            byte[] body,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Problems.guard(() -> {
            String owner = owner();
            limits.count(Optional.of(owner));
            JsonBody json = JsonBody.parse(contentType, body);
            String sender = json.optionalText("sender");
            String recipient = json.requiredText("recipient");
            // Refusals the request can be told before its confirmation is spent; add() checks them again.
            ConfiguredSender chosen = senders.get(sender);
            chosen.checkRecipient(recipient);
            String senderKey = chosen.key();
            if (destinations.list(owner).stream()
                    .anyMatch(known -> known.sender().equals(senderKey) && known.recipient().equals(recipient))) {
                throw new DestinationExistsException("The caller already has this recipient for sender '" + senderKey
                        + "'");
            }
            methods.requireManageConfirmation(owner, confirmation);
            AddedDestination added = destinations.add(owner, sender, recipient);
            ConfirmationState state = added.confirmation().state();
            Map<String, Object> sent = new LinkedHashMap<>();
            sent.put("id", state.id());
            sent.put("status", state.status().label());
            sent.put("expiresAt", state.expiresAt().toString());
            TwoFactorResource.addDelivery(sent, state);
            if (debugCode.enabled()) {
                sent.put("code", added.confirmation().code());
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("destination", view(added.destination()));
            view.put("confirmation", sent);
            URI location = uri.getBaseUriBuilder().path(getClass()).path(added.destination().id().toString()).build();
            // As request-confirmation: a code only queued is accepted, not yet sent.
            return json(state.delivery() == DeliveryStatus.QUEUED ? Response.accepted().location(location)
                    : Response.created(location), view);
        });
    }

    @Operation(operationId = "twoFactorRemoveDestination", summary = "Removes one of the caller's destinations")
    @Tag(name = TAG)
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "400", description = "invalid-request: the id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403",
            description = "confirmation-required: the caller has a verified destination and the request carries "
                    + "no confirmed confirmation for manage-destinations",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode, or no such destination of the caller",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @DELETE
    @Path("{id}")
    public Response remove(
            @Parameter(description = "The destination id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id,
            @Parameter(description = MANAGE_HEADER, schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @HeaderParam(RequiresConfirmation.HEADER) String confirmation) {
        return Problems.guard(() -> {
            String owner = owner();
            UUID parsed = destinationId(id);
            // An unknown id is told as such before the confirmation is spent.
            destinations.find(owner, parsed).orElseThrow(() -> notFound(parsed));
            methods.requireManageConfirmation(owner, confirmation);
            if (!destinations.remove(owner, parsed)) {
                throw notFound(parsed);
            }
            return Response.noContent().build();
        });
    }

    @Operation(operationId = "twoFactorMakeDestinationDefault",
            summary = "Makes a verified destination the default for its sender")
    @Tag(name = TAG)
    @APIResponse(responseCode = "204", description = "It is the default now")
    @APIResponse(responseCode = "400", description = "invalid-request: the id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "not-found: open mode, or no such destination of the caller",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "destination-not-verified: only a verified destination can be the default",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @PUT
    @Path("{id}/default")
    public Response makeDefault(
            @Parameter(description = "The destination id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return Problems.guard(() -> {
            String owner = owner();
            UUID parsed = destinationId(id);
            if (!destinations.makeDefault(owner, parsed)) {
                throw notFound(parsed);
            }
            return Response.noContent().build();
        });
    }

    private String owner() {
        return methods.owner("Destinations");
    }

    private static Map<String, Object> view(Destination destination) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", destination.id());
        view.put("sender", destination.sender());
        view.put("recipient", destination.maskedRecipient());
        view.put("verified", destination.verified());
        view.put("default", destination.isDefault());
        view.put("createdAt", destination.createdAt().toString());
        return view;
    }

    private static UUID destinationId(String text) {
        return JsonBody.parseId(text, "A destination id");
    }

    private static Response json(Response.ResponseBuilder response, Map<String, Object> view) {
        return response.type(MediaType.APPLICATION_JSON).entity(Problems.write(view)).build();
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(404, "not-found", "Destination not found", "No destination has id " + id);
    }
}
