package io.quarkiverse.twofactor.runtime.rest;

import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a call through to a {@link RequiresConfirmation} method only after spending the confirmation named by its
 * {@value RequiresConfirmation#HEADER} header for the current user and the method's purpose. Refusals are thrown as a
 * {@link WebApplicationException} carrying the finished problem response, which Quarkus REST and RESTEasy Classic
 * both send as it is. Registered only when the application has a security extension.
 * <p>
 * Its priority puts it outside a {@code @Transactional} method's transaction (which begins at
 * {@code PLATFORM_BEFORE + 200}): the spend is committed on its own before the method runs, and stays spent if the
 * method fails.
 */
@RequiresConfirmation("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RequiresConfirmationInterceptor {

    private final Confirmer confirmer;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    RequiresConfirmationInterceptor(Confirmer confirmer, SecurityIdentity identity, CurrentVertxRequest request) {
        this.confirmer = confirmer;
        this.identity = identity;
        this.request = request;
    }

    @AroundInvoke
    Object spendConfirmation(InvocationContext call) throws Exception {
        String purpose = call.getInterceptorBinding(RequiresConfirmation.class).value();
        if (identity.isAnonymous()) {
            throw refusal(new ProblemException(401, "unauthenticated", "Authentication required",
                    "Sign in to perform this action"));
        }
        if (!spend(confirmationId(), identity.getPrincipal().getName(), purpose)) {
            throw refusal(new ProblemException(403, "confirmation-required", "Confirmation required",
                    "This action needs the id of a confirmed, unused confirmation for purpose '" + purpose
                            + "' in the " + RequiresConfirmation.HEADER + " header")
                    .with("purpose", purpose));
        }
        return call.proceed();
    }

    private boolean spend(UUID id, String user, String purpose) {
        if (id == null) {
            return false;
        }
        Binding binding;
        try {
            binding = new Binding(user, purpose);
        } catch (IllegalArgumentException e) {
            // A principal name that cannot own a confirmation owns none.
            return false;
        }
        try {
            return confirmer.use(id, binding);
        } catch (RuntimeException e) {
            throw new WebApplicationException(Problems.answer(e));
        }
    }

    /** The id the request names, or null when it names none or something that is not an id. */
    private UUID confirmationId() {
        String header = header();
        if (header == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(header.strip());
            // UUID.fromString accepts short groups such as "1-2-3-4-5": only the canonical form is an id.
            return id.toString().equalsIgnoreCase(header.strip()) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String header() {
        try {
            RoutingContext current = request.getCurrent();
            return current == null ? null : current.request().getHeader(RequiresConfirmation.HEADER);
        } catch (ContextNotActiveException e) {
            // Called outside an HTTP request: nothing can carry a confirmation.
            return null;
        }
    }

    private static WebApplicationException refusal(ProblemException problem) {
        return new WebApplicationException(Problems.respond(problem));
    }
}
