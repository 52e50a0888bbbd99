package io.quarkiverse.twofactor.runtime.rest;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets a call through to a {@link RequiresConfirmation} method only after spending the confirmation named by its
 * {@value RequiresConfirmation#HEADER} header for the current user and the method's purpose; with a
 * {@value RequiresConfirmation#CODE_HEADER} header too, after confirming it with that code and spending it in one
 * step. On a method that returns {@link Uni} the spend runs on a worker thread and the method after it, so that the
 * event loop never waits for the store. Refusals are thrown (or, for a {@code Uni}, end it) as a
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
            throw refusal(ProblemException.unauthenticated());
        }
        // Read on the request's own thread, where its headers and identity are.
        String user = identity.getPrincipal().getName();
        String id = header(RequiresConfirmation.HEADER);
        String code = header(RequiresConfirmation.CODE_HEADER);
        if (Uni.class.isAssignableFrom(call.getMethod().getReturnType())) {
            // A reactive method runs on the event loop, which the store's waiting must not hold: the spend runs on a
            // worker thread, and the method once it is back on the request's context.
            return VertxContextSupport.executeBlocking(() -> {
                spend(purpose, user, id, code);
                return null;
            }).onItem().transformToUni(spent -> proceed(call));
        }
        spend(purpose, user, id, code);
        return call.proceed();
    }

    /** Spends the confirmation, or throws the refusal to answer. */
    private void spend(String purpose, String user, String id, String code) {
        boolean spent;
        try {
            spent = code == null ? ConfirmationHeader.spend(confirmer, id, user, purpose)
                    : ConfirmationHeader.confirmAndSpend(confirmer, id, user, purpose, code);
        } catch (RuntimeException e) {
            throw new WebApplicationException(Problems.answer(e));
        }
        if (!spent) {
            throw refusal(ProblemException.confirmationRequired(purpose));
        }
    }

    private static Uni<?> proceed(InvocationContext call) {
        try {
            return (Uni<?>) call.proceed();
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
    }

    private String header(String name) {
        try {
            RoutingContext current = request.getCurrent();
            return current == null ? null : current.request().getHeader(name);
        } catch (ContextNotActiveException e) {
            // Called outside an HTTP request: nothing can carry a confirmation.
            return null;
        }
    }

    private static WebApplicationException refusal(ProblemException problem) {
        return new WebApplicationException(Problems.respond(problem));
    }
}
