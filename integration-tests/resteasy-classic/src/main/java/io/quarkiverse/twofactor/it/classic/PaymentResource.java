package io.quarkiverse.twofactor.it.classic;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The application's own RESTEasy Classic endpoints over the extension's Java API: the signed-in user asks for a code,
 * confirms it, and spends the confirmation on a payment, either by calling {@link Confirmer#use(UUID, Binding)} or
 * through step-up.
 */
@Path("/payments")
@Authenticated
@Produces(MediaType.TEXT_PLAIN)
public class PaymentResource {

    static final String PURPOSE = "payment";

    @Inject
    Confirmer confirmer;

    @Inject
    SecurityIdentity identity;

    /** Sends a code to {@code phone} for the user's next payment; answers the confirmation's id. */
    @POST
    @Path("codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String requestCode(@FormParam("phone") String phone) {
        return confirmer.request(binding(), "default", phone, Map.of()).state().id().toString();
    }

    /** Confirms the code the user typed; answers the outcome, such as {@code CONFIRMED} or {@code WRONG_CODE}. */
    @POST
    @Path("codes/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String confirm(@PathParam("id") UUID id, @FormParam("code") String code) {
        return confirmer.confirm(id, identity.getPrincipal().getName(), code).outcome().name();
    }

    /** Pays once per confirmed confirmation, spending it here. */
    @POST
    @Path("{id}")
    public Response pay(@PathParam("id") UUID id) {
        return confirmer.use(id, binding())
                ? Response.ok("paid").build()
                : Response.status(Response.Status.FORBIDDEN).entity("not confirmed").build();
    }

    /** Pays once per confirmed confirmation named in the {@value RequiresConfirmation#HEADER} header. */
    @POST
    @Path("guarded")
    @RequiresConfirmation(PURPOSE)
    public String payGuarded() {
        return "paid";
    }

    private Binding binding() {
        return new Binding(identity.getPrincipal().getName(), PURPOSE);
    }
}
