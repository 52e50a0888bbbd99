package io.quarkiverse.twofactor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Step-up for an endpoint of the application: a call to an annotated JAX-RS resource method (or to any resource method
 * of an annotated class) runs only when it carries, in the {@value #HEADER} header, the id of a confirmation that the
 * current user confirmed for this {@linkplain #value() purpose}. The confirmation is spent before the method runs,
 * once and atomically, so a replayed request, or a second of many concurrent ones, is refused; it stays spent whatever
 * the method then does. Make the confirmation with {@code new Binding(user, purpose)} through {@link Confirmer} or
 * the REST endpoints, and let the user confirm the code first, or let the call carry the code in the
 * {@value #CODE_HEADER} header as well: the confirmation is then confirmed with it and spent in one step
 * ({@link Confirmer#confirmAndUse(java.util.UUID, Binding, String)}).
 * <p>
 * A request is refused with an {@code application/problem+json} response:
 * <ul>
 * <li>{@code 401}, type ending {@code unauthenticated}, when nobody is signed in;</li>
 * <li>{@code 403}, type ending {@code confirmation-required}, with a {@code purpose} member, when the header is
 * missing or not a confirmation id, or the confirmation is unknown, belongs to another user or another purpose, is
 * not confirmed, is already spent or has expired. The answer is the same in every case, so that nobody learns
 * anything about ids that are not theirs;</li>
 * <li>with a {@value #CODE_HEADER} header, the answers of the REST confirm endpoint to a code that does not confirm:
 * {@code 400} {@code wrong-code} with {@code remainingAttempts}, {@code 429} {@code attempts-exhausted}, {@code 429}
 * {@code too-many-failures} with {@code Retry-After} when the user is locked out, and {@code 400}
 * {@code invalid-request} for a blank code or one longer than 64 characters;</li>
 * <li>{@code 503}, type ending {@code store-unavailable}, when the confirmation store cannot be reached.</li>
 * </ul>
 * The current user is the name of the {@code SecurityIdentity}'s principal, so the application needs a Quarkus
 * security extension (such as {@code quarkus-elytron-security-properties-file}, {@code quarkus-oidc} or
 * {@code quarkus-smallrye-jwt}); without one the build fails rather than leave the method unguarded. The check talks
 * to the confirmation store on the calling thread: annotate blocking methods (the default for methods that do not
 * return a {@code Uni} or {@code CompletionStage}). It runs before the transaction of a {@code @Transactional} method
 * begins.
 */
@InterceptorBinding
@Inherited
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface RequiresConfirmation {

    /** The request header that carries the id of the confirmation to spend. */
    String HEADER = "Two-Factor-Confirmation";

    /**
     * The request header that may carry the confirmation's code, to confirm and spend the confirmation named by
     * {@value #HEADER} in one step.
     */
    String CODE_HEADER = "Two-Factor-Code";

    /**
     * The action the confirmation must have been made for, as in {@link Binding#purpose()}: 1 to 64 characters out of
     * {@code a-z}, {@code 0-9}, {@code .}, {@code _} and {@code -}. The build fails on anything else.
     */
    @Nonbinding
    String value();
}
