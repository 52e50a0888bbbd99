package io.quarkiverse.twofactor.runtime.rest;

import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.JSON;
import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.PROBLEM;
import static io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.TAG;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.Destinations;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.ReactiveConfirmer;
import io.quarkiverse.twofactor.RecoveryCodes;
import io.quarkiverse.twofactor.ResendResult;
import io.quarkiverse.twofactor.runtime.MessageLanguages;
import io.quarkiverse.twofactor.runtime.SenderRegistry;
import io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas;
import io.quarkiverse.twofactor.runtime.rest.openapi.RestSchemas.Problem;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * The REST endpoints. The class carries no {@code @Path}: the build generates a subclass annotated with
 * {@code quarkus.two-factor.rest.path}, so the path is configurable.
 *
 * <p>
 * Bodies are read as bytes and parsed here rather than by a message body reader, so that every malformed body gets
 * the same problem response whatever JSON providers the application has installed.
 *
 * <p>
 * In identity mode ({@code quarkus.two-factor.rest.mode}) every endpoint answers only an authenticated caller, codes go
 * only to the caller's verified destinations, and someone else's confirmation answers exactly like an unknown id. The
 * endpoint itself decides, not an HTTP permission, so that the answer is the same problem whatever the application's
 * security configuration.
 *
 * <p>
 * The MicroProfile OpenAPI annotations describe the endpoints when the application has SmallRye OpenAPI, with the
 * shapes of {@link RestSchemas}; without it they are never read.
 */
// What every operation of the class may answer; an operation names its own 503 where it has more reasons.
@APIResponse(responseCode = "401", description = "unauthenticated: identity mode and no signed-in caller",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "503", description = "store-unavailable: the confirmation store cannot be reached",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "500", description = "internal-error",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
// Worker threads even where the application makes endpoints non-blocking by default, since these endpoints wait for
// the store or a sender; on this class, as Quarkus REST reads it from the class that declares the methods. Confirm and
// check are the exceptions: @NonBlocking on the method wins over the class, and they answer through the
// ReactiveConfirmer, which waits on no thread with the redis store and moves the work to a worker with any other.
@Blocking
public abstract class TwoFactorResource {

    static final int MAX_CODE_LENGTH = 64;

    private final Confirmer confirmer;
    private final ReactiveConfirmer reactiveConfirmer;
    private final DebugCodeResponse debugCode;
    private final RestCaller caller;
    private final Destinations destinations;
    private final SenderRegistry senders;
    private final CallerLimits limits;
    private final MessageLanguages languages;

    /** Called by the generated subclass's injecting constructor. */
    protected TwoFactorResource(Confirmer confirmer, ReactiveConfirmer reactiveConfirmer, DebugCodeResponse debugCode,
            RestCaller caller, Destinations destinations, SenderRegistry senders, CallerLimits limits,
            MessageLanguages languages) {
        this.confirmer = confirmer;
        this.reactiveConfirmer = reactiveConfirmer;
        this.debugCode = debugCode;
        this.caller = caller;
        this.destinations = destinations;
        this.senders = senders;
        this.limits = limits;
        this.languages = languages;
    }

    @Operation(operationId = "twoFactorSenders", summary = "The configured senders, sorted by key")
    @Tag(name = TAG)
    @APIResponse(responseCode = "200", description = "The senders", content = @Content(mediaType = JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = RestSchemas.Sender.class)))
    @GET
    @Path("senders")
    public Response senders() {
        return Problems.guard(() -> {
            if (caller.identityMode()) {
                caller.authenticated();
            }
            List<Map<String, Object>> view = new ArrayList<>();
            for (SenderSettings sender : senders.all()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", sender.key());
                entry.put("verboseName", sender.verboseName().orElse(sender.key()));
                view.add(entry);
            }
            return Response.ok(Problems.write(view), MediaType.APPLICATION_JSON).build();
        });
    }

    @Operation(operationId = "twoFactorRequestConfirmation", summary = "Makes a confirmation and sends its code",
            description = "The body depends on quarkus.two-factor.rest.mode: identity (the default) or open")
    @Tag(name = TAG)
    @RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(oneOf = { RestSchemas.IdentityConfirmationRequest.class,
            RestSchemas.OpenConfirmationRequest.class })))
    @APIResponse(responseCode = "201", description = "The confirmation was made and its code sent",
            headers = @Header(name = "Location", description = "The confirmation's confirmations/{id} URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")), content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.NewConfirmation.class)))
    @APIResponse(responseCode = "202",
            description = "The confirmation was made and its code queued: the sender has delivery.mode=async, and "
                    + "the confirmation's delivery says when the code is sent",
            headers = @Header(name = "Location", description = "The confirmation's confirmations/{id} URL",
            schema = @Schema(type = SchemaType.STRING, format = "uri")), content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.NewConfirmation.class)))
    @APIResponse(responseCode = "400",
            description = "invalid-request, unknown-sender, invalid-recipient or recipient-rejected",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "no-destination: identity mode, and the caller has no verified destination to send to; "
                    + "no-authenticator: a method was asked for, and the caller has no verified app or no recovery "
                    + "code left",
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
                    + "reached its send budget; sender-busy: the sender has as many deliveries running and waiting "
                    + "as it allows, and nothing was made or counted; store-unavailable: the confirmation store "
                    + "cannot be reached",
            headers = @Header(name = "Retry-After",
            description = "sender-budget-exhausted and sender-busy: the wait in whole seconds",
            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("request-confirmation")
    public Response requestConfirmation(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            byte[] body,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Problems.guard(() -> {
            String owner = caller.identityMode() ? caller.authenticated() : null;
            limits.count(caller.signedIn());
            JsonBody json = JsonBody.parse(contentType, body);
            Locale language = languages.bestMatch(acceptLanguage);
            NewConfirmation issued = owner == null ? requestOpen(json, language)
                    : requestForCaller(owner, json, language);
            ConfirmationState state = issued.state();
            Map<String, Object> view = stateView(owner, state);
            addDelivery(view, state);
            addDebugCode(view, issued.code());
            URI location = uri.getBaseUriBuilder().path(getClass()).path("confirmations").path(state.id().toString())
                    .build();
            return json(state.delivery() == DeliveryStatus.QUEUED ? Response.accepted().location(location)
                    : Response.created(location), view);
        });
    }

    /** Open mode: the request names the recipient and the meta. */
    private NewConfirmation requestOpen(JsonBody json, Locale language) {
        String sender = json.optionalText("sender");
        String recipient = json.requiredText("recipient");
        Map<String, Object> meta = json.optionalObject("meta");
        return confirmer.request(sender, recipient, meta, language);
    }

    /**
     * Identity mode: the code goes to one of the caller's verified destinations, never to a recipient the request
     * names, and the confirmation belongs to the caller.
     */
    private NewConfirmation requestForCaller(String owner, JsonBody json, Locale language) {
        json.refuse("recipient", "meta");
        String purpose = json.requiredText("purpose");
        if (Destinations.VERIFY_PURPOSE.equals(purpose)) {
            // Only adding a destination makes these: one made here would name no destination to verify.
            throw ProblemException.badRequest("'" + purpose + "' confirmations are made by adding a destination");
        }
        String method = json.optionalText("method");
        if (method != null) {
            return requestForMethod(owner, purpose, method, json);
        }
        String sender = json.optionalText("sender");
        UUID destination = json.optionalId("destination");
        if (sender != null) {
            senders.get(sender);
        }
        return destinations.request(new Binding(owner, purpose), sender, destination, language);
    }

    /** A confirmation the caller confirms with their authenticator app or a recovery code: nothing is sent. */
    private NewConfirmation requestForMethod(String owner, String purpose, String method, JsonBody json) {
        if (!method.equals(Authenticators.METHOD) && !method.equals(RecoveryCodes.METHOD)) {
            throw ProblemException.badRequest("'method' must be '" + Authenticators.METHOD + "' or '"
                    + RecoveryCodes.METHOD + "'");
        }
        json.refuse("sender", "destination");
        return confirmer.request(new Binding(owner, purpose), method, null, Map.of());
    }

    @Operation(operationId = "twoFactorConfirm", summary = "Confirms a confirmation with its code")
    @Tag(name = TAG)
    @RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.ConfirmRequest.class)))
    @APIResponse(responseCode = "200", description = "The code is right", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.Confirmed.class)))
    @APIResponse(responseCode = "400", description = "invalid-request, or wrong-code with remainingAttempts",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404",
            description = "not-found: no such confirmation (or, in identity mode, another user's)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "not-pending: the confirmation is no longer pending",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "expired", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type: the body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429",
            description = "attempts-exhausted: too many wrong codes for this confirmation; too-many-failures: for "
                    + "its owner or recipient, lately",
            headers = @Header(name = "Retry-After", description = "The wait in whole seconds",
            schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("confirm")
    @NonBlocking
    public Uni<Response> confirm(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        return Problems.guardUni(() -> caller.owner().chain(owner -> {
            JsonBody json = JsonBody.parse(contentType, body);
            UUID id = json.requiredId("id");
            String code = json.requiredText("code");
            if (code.length() > MAX_CODE_LENGTH) {
                throw ProblemException.badRequest("'code' must be at most " + MAX_CODE_LENGTH + " characters");
            }
            Uni<ConfirmResult> result = owner == null ? reactiveConfirmer.confirm(id, code)
                    : confirmForCaller(owner, id, code);
            return result.map(confirmed -> confirmAnswer(id, confirmed));
        }));
    }

    /** A code sent to a new destination verifies the destination; any other confirms the caller's confirmation. */
    private Uni<ConfirmResult> confirmForCaller(String owner, UUID id, String code) {
        return reactiveConfirmer.check(id, owner).chain(found -> {
            ConfirmationState state = found.orElseThrow(() -> notFound(id));
            // Destinations are reached only blocking, so their verification moves to a worker thread.
            return Destinations.VERIFY_PURPOSE.equals(state.purpose())
                    ? VertxContextSupport.executeBlocking(() -> destinations.verify(owner, id, code))
                    : reactiveConfirmer.confirm(id, owner, code);
        });
    }

    private static Response confirmAnswer(UUID id, ConfirmResult result) {
        return switch (result.outcome()) {
            case CONFIRMED -> {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("id", id);
                view.put("status", result.state().status().label());
                view.put("confirmed", true);
                yield json(Response.ok(), view);
            }
            case WRONG_CODE -> throw ProblemException.wrongCode(result.remainingAttempts());
            case NOT_FOUND -> throw notFound(id);
            case EXPIRED -> throw expired();
            case NOT_PENDING -> throw notPending(result.state());
            case ATTEMPTS_EXHAUSTED -> throw ProblemException.attemptsExhausted();
        };
    }

    @Operation(operationId = "twoFactorConfirmation", summary = "A confirmation's state")
    @Tag(name = TAG)
    @APIResponse(responseCode = "200", description = "The confirmation", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.Confirmation.class)))
    @APIResponse(responseCode = "400", description = "invalid-request: the id is not a UUID",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404",
            description = "not-found: no such confirmation (or, in identity mode, another user's)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @GET
    @Path("confirmations/{id}")
    @NonBlocking
    public Uni<Response> check(
            @Parameter(description = "The confirmation id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @PathParam("id") String id) {
        return Problems.guardUni(() -> caller.owner().chain(owner -> {
            UUID parsed = JsonBody.parseId(id);
            Uni<Optional<ConfirmationState>> found = owner == null ? reactiveConfirmer.check(parsed)
                    : reactiveConfirmer.check(parsed, owner);
            return found.map(state -> checkAnswer(owner, state.orElseThrow(() -> notFound(parsed))));
        }));
    }

    /**
     * What both the new confirmation's answer and its state's answer begin with; its purpose only in identity mode,
     * where confirmations have one.
     */
    private static Map<String, Object> stateView(String owner, ConfirmationState state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", state.id());
        view.put("status", state.status().label());
        view.put("sender", state.sender());
        if (owner != null) {
            view.put("purpose", state.purpose());
        }
        view.put("expiresAt", state.expiresAt().toString());
        return view;
    }

    /** The confirmation's state. */
    private static Response checkAnswer(String owner, ConfirmationState state) {
        Map<String, Object> view = stateView(owner, state);
        view.put("confirmed", state.confirmed());
        view.put("meta", state.meta());
        addDelivery(view, state);
        return json(Response.ok(), view);
    }

    @Operation(operationId = "twoFactorResend", summary = "Sends a pending confirmation's code again")
    @Tag(name = TAG)
    @RequestBody(required = true, content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.ResendRequest.class)))
    @APIResponse(responseCode = "202",
            description = "A code was sent, or with delivery.mode=async queued (delivery says which)", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = RestSchemas.SentCode.class)))
    @APIResponse(responseCode = "400", description = "invalid-request, or recipient-rejected",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404",
            description = "not-found: no such confirmation (or, in identity mode, another user's)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "not-pending, or no-sender: the confirmation was made without a sender",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "expired", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported-media-type: the body is not application/json",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "resend-cooldown, too-many-sends or too-many-requests",
            headers = @Header(name = "Retry-After", description = "The wait in whole seconds",
            schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503",
            description = "sender-failed: the code could not be delivered; sender-budget-exhausted: the sender "
                    + "reached its send budget; sender-busy: the sender has as many deliveries running and waiting "
                    + "as it allows, and nothing was made or counted; store-unavailable: the confirmation store "
                    + "cannot be reached",
            headers = @Header(name = "Retry-After",
            description = "sender-budget-exhausted and sender-busy: the wait in whole seconds",
            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @POST
    @Path("resend")
    public Response resend(
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            byte[] body) {
        return Problems.guard(() -> {
            String owner = caller.identityMode() ? caller.authenticated() : null;
            limits.count(caller.signedIn());
            UUID id = JsonBody.parse(contentType, body).requiredId("id");
            Locale language = languages.bestMatch(acceptLanguage);
            ResendResult result = owner == null ? confirmer.resend(id, language)
                    : confirmer.resend(id, owner, language);
            return switch (result.outcome()) {
                case SENT -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", id);
                    view.put("status", result.state().status().label());
                    view.put("expiresAt", result.state().expiresAt().toString());
                    addDelivery(view, result.state());
                    addDebugCode(view, result.code());
                    yield json(Response.accepted(), view);
                }
                case NOT_FOUND -> throw notFound(id);
                case EXPIRED -> throw expired();
                case NOT_PENDING -> throw notPending(result.state());
                case NO_SENDER -> throw new ProblemException(409, "no-sender", "No sender",
                        "The confirmation was made without a sender, so its code cannot be resent");
                case COOLDOWN -> throw ProblemException.tooManyRequests("resend-cooldown", "Resent too soon",
                        "A code was sent less than the cooldown ago", result.retryAfter());
            };
        });
    }

    /** Where the code's delivery is, for a sender that delivers in the background. */
    static void addDelivery(Map<String, Object> view, ConfirmationState state) {
        if (state.delivery() != null) {
            view.put("delivery", state.delivery().label());
        }
    }

    /** The code in dev and test, when there is one: an authenticator app's or a recovery code never is. */
    private void addDebugCode(Map<String, Object> view, String code) {
        if (debugCode.enabled() && code != null) {
            view.put("code", code);
        }
    }

    private static Response json(Response.ResponseBuilder response, Map<String, Object> view) {
        return response.type(MediaType.APPLICATION_JSON).entity(Problems.write(view)).build();
    }

    private static ProblemException notFound(UUID id) {
        return new ProblemException(404, "not-found", "Confirmation not found", "No confirmation has id " + id);
    }

    private static ProblemException expired() {
        return new ProblemException(410, "expired", "Confirmation expired",
                "The confirmation has expired; request a new one");
    }

    private static ProblemException notPending(ConfirmationState state) {
        return new ProblemException(409, "not-pending", "Confirmation not pending",
                "The confirmation is " + state.status().label() + ", not pending")
                .with("confirmationStatus", state.status().label());
    }
}
