package io.quarkiverse.twofactor.runtime.rest;

import java.util.LinkedHashMap;
import java.util.Map;
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

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.ResendResult;

/**
 * The REST endpoints. The class carries no {@code @Path}: the build generates a subclass annotated with
 * {@code quarkus.two-factor.rest.path}, so the path is configurable.
 *
 * <p>
 * Bodies are read as bytes and parsed here rather than by a message body reader, so that every malformed body gets
 * the same problem response whatever JSON providers the application has installed.
 */
public abstract class TwoFactorResource {

    private static final int MAX_CODE_LENGTH = 64;

    private final Confirmer confirmer;
    private final DebugCodeResponse debugCode;

    /** Called by the generated subclass's injecting constructor. */
    protected TwoFactorResource(Confirmer confirmer, DebugCodeResponse debugCode) {
        this.confirmer = confirmer;
        this.debugCode = debugCode;
    }

    @POST
    @Path("request-confirmation")
    public Response requestConfirmation(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
            @Context UriInfo uri) {
        return Problems.guard(() -> {
            JsonBody json = JsonBody.parse(contentType, body);
            String sender = json.optionalText("sender");
            String recipient = json.requiredText("recipient");
            Map<String, Object> meta = json.optionalObject("meta");
            NewConfirmation issued = confirmer.request(sender, recipient, meta);
            ConfirmationState state = issued.state();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", state.id());
            view.put("status", state.status().label());
            view.put("sender", state.sender());
            view.put("expiresAt", state.expiresAt().toString());
            addDebugCode(view, issued.code());
            return json(Response.created(uri.getBaseUriBuilder().path(getClass()).path("confirmations")
                    .path(state.id().toString()).build()), view);
        });
    }

    @POST
    @Path("confirm")
    public Response confirm(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return Problems.guard(() -> {
            JsonBody json = JsonBody.parse(contentType, body);
            UUID id = json.requiredId("id");
            String code = json.requiredText("code");
            if (code.length() > MAX_CODE_LENGTH) {
                throw ProblemException.badRequest("'code' must be at most " + MAX_CODE_LENGTH + " characters");
            }
            ConfirmResult result = confirmer.confirm(id, code);
            return switch (result.outcome()) {
                case CONFIRMED -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", id);
                    view.put("status", result.state().status().label());
                    view.put("confirmed", true);
                    yield json(Response.ok(), view);
                }
                case WRONG_CODE -> throw new ProblemException(400, "wrong-code", "Wrong code",
                        "The code does not match").with("remainingAttempts", result.remainingAttempts());
                case NOT_FOUND -> throw notFound(id);
                case EXPIRED -> throw expired();
                case NOT_PENDING -> throw notPending(result.state());
                case ATTEMPTS_EXHAUSTED -> throw new ProblemException(429, "attempts-exhausted",
                        "Too many wrong codes", "Too many wrong codes were given; request a new confirmation");
            };
        });
    }

    @GET
    @Path("confirmations/{id}")
    public Response check(@PathParam("id") String id) {
        return Problems.guard(() -> {
            UUID parsed = JsonBody.parseId(id);
            ConfirmationState state = confirmer.check(parsed).orElseThrow(() -> notFound(parsed));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", state.id());
            view.put("status", state.status().label());
            view.put("sender", state.sender());
            view.put("expiresAt", state.expiresAt().toString());
            view.put("confirmed", state.confirmed());
            view.put("meta", state.meta());
            return json(Response.ok(), view);
        });
    }

    @POST
    @Path("resend")
    public Response resend(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return Problems.guard(() -> {
            UUID id = JsonBody.parse(contentType, body).requiredId("id");
            ResendResult result = confirmer.resend(id);
            return switch (result.outcome()) {
                case SENT -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", id);
                    view.put("status", result.state().status().label());
                    view.put("expiresAt", result.state().expiresAt().toString());
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

    private void addDebugCode(Map<String, Object> view, String code) {
        if (debugCode.enabled()) {
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
