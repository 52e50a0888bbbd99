package io.quarkiverse.twofactor.demo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.twofactor.ReactiveConfirmer;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkiverse.twofactor.TooManySendsException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * The demo's flow for a reactive application: these methods return {@link Uni}, so Quarkus REST runs them on the event
 * loop, and they go through {@link ReactiveConfirmer}, which never waits there: it makes and sends codes on a worker
 * thread, and on the Redis store confirms and spends them on the event loop through the reactive Redis client.
 */
@Path("/demo/reactive")
@Produces(MediaType.TEXT_PLAIN)
public class ReactiveDemoResource {

    private final ReactiveConfirmer confirmer;
    private final AtomicInteger securedActionsDone = new AtomicInteger();
    private volatile boolean lastSecuredActionOnEventLoop;

    ReactiveDemoResource(ReactiveConfirmer confirmer) {
        this.confirmer = confirmer;
    }

    /** Sends a code to the recipient through the default sender and answers the confirmation's id. */
    @POST
    @Path("request/{recipient}")
    public Uni<Response> request(@PathParam("recipient") String recipient) {
        return confirmer.request(null, recipient, Map.of())
                .map(made -> Response.ok(made.state().id().toString()).build())
                // A refusal ends the Uni with the Confirmer's own exception, to answer as the application sees fit.
                .onFailure(TooManySendsException.class).recoverWithItem(refused -> Response.status(429)
                        .header("Retry-After", ((TooManySendsException) refused).retryAfter().toSeconds())
                        .entity("too many codes sent to this recipient").build());
    }

    /**
     * Confirms with the code the recipient received, sent as the plain-text body (not in the URL, which access logs
     * keep), and answers the outcome, such as {@code CONFIRMED}.
     */
    @POST
    @Path("confirm/{id}")
    @Consumes(MediaType.TEXT_PLAIN)
    public Uni<String> confirm(@PathParam("id") UUID id, String code) {
        return confirmer.confirm(id, code).map(result -> result.outcome().name());
    }

    /** The action the code protects: runs only for a confirmed confirmation, and only once. */
    @POST
    @Path("protected-action/{id}")
    public Uni<Response> protectedAction(@PathParam("id") UUID id) {
        return confirmer.use(id).map(used -> used
                ? Response.ok("done").build()
                : Response.status(Response.Status.FORBIDDEN).entity("not confirmed").build());
    }

    /**
     * The action step-up protects, in a reactive application: {@link RequiresConfirmation} spends the confirmation on a
     * worker thread, and the action runs back on the event loop.
     */
    @POST
    @Path("secured-action")
    @RequiresConfirmation("secured-action")
    public Uni<String> securedAction() {
        lastSecuredActionOnEventLoop = Context.isOnEventLoopThread();
        securedActionsDone.incrementAndGet();
        return Uni.createFrom().item("done");
    }

    /** How many times the secured action ran, for tests that check no refused request reached it. */
    public int securedActionsDone() {
        return securedActionsDone.get();
    }

    /** Whether the secured action last ran on the event loop, as a method returning {@code Uni} should. */
    public boolean lastSecuredActionOnEventLoop() {
        return lastSecuredActionOnEventLoop;
    }
}
