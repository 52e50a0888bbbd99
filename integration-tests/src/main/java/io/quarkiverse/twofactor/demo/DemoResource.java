package io.quarkiverse.twofactor.demo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The demo's own endpoints: the protected actions that spend a confirmation, a window on the demo inbox, and who is
 * signed in.
 */
@Path("/demo")
@Produces(MediaType.TEXT_PLAIN)
public class DemoResource {

    @Inject
    Confirmer confirmer;

    @Inject
    DemoInbox inbox;

    private final AtomicInteger securedActionsDone = new AtomicInteger();

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-name")
    String sessionCookie;

    @ConfigProperty(name = "quarkus.http.auth.form.cookie-path")
    String sessionCookiePath;

    /** The action the code protects: runs only for a confirmed confirmation, and only once. */
    @POST
    @Path("protected-action/{id}")
    public Response protectedAction(@PathParam("id") UUID id) {
        return confirmer.use(id)
                ? Response.ok("done").build()
                : Response.status(Response.Status.FORBIDDEN).entity("not confirmed").build();
    }

    /** The code last delivered to a recipient through the demo inbox. */
    @GET
    @Path("inbox/{recipient}")
    public String lastCode(@PathParam("recipient") String recipient) {
        return inbox.last(recipient).map(delivery -> delivery.code())
                .orElseThrow(() -> new NotFoundException("nothing delivered to " + recipient));
    }

    /** Spends a confirmation only for the user it was made for. */
    @POST
    @Path("users/{user}/protected-action/{id}")
    public Response protectedActionFor(@PathParam("user") String user, @PathParam("id") UUID id) {
        return confirmer.use(id, Map.of("user", user))
                ? Response.ok("done").build()
                : Response.status(Response.Status.FORBIDDEN).entity("not confirmed").build();
    }

    /**
     * The action step-up protects: runs only for the signed-in user's confirmed confirmation for purpose
     * {@code secured-action}, named in the {@value RequiresConfirmation#HEADER} header, and only once.
     */
    @POST
    @Path("secured-action")
    @RequiresConfirmation("secured-action")
    public String securedAction() {
        securedActionsDone.incrementAndGet();
        return "done";
    }

    /** How many times the secured action ran, for tests that check no refused request reached it. */
    public int securedActionsDone() {
        return securedActionsDone.get();
    }

    /** The signed-in user's name, so that the page knows whether to show its sign-in form. */
    @GET
    @Path("me")
    public Response signedInUser() {
        return identity.isAnonymous()
                ? Response.status(Response.Status.UNAUTHORIZED).entity("not signed in").build()
                : Response.ok(identity.getPrincipal().getName()).build();
    }

    /**
     * Ends a form sign-in by expiring its session cookie. Added to the response's cookies rather than as a header, so
     * that it replaces the renewed cookie the sign-in may have set on this same response.
     */
    @POST
    @Path("sign-out")
    public void signOut(@Context RoutingContext routing) {
        routing.response().addCookie(Cookie.cookie(sessionCookie, "").setPath(sessionCookiePath).setMaxAge(0));
    }
}
