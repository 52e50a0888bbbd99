package io.quarkiverse.twofactor.runtime.rest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.twofactor.RequiresConfirmation;

/**
 * A refusal that becomes an {@code application/problem+json} response (RFC 9457).
 */
class ProblemException extends RuntimeException {

    final int status;
    final String type;
    final String title;
    final Map<String, Object> extensions = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();

    ProblemException(int status, String type, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    /** A request without an authenticated caller, to an endpoint that serves only signed-in users. */
    static ProblemException unauthenticated() {
        return new ProblemException(401, "unauthenticated", "Authentication required",
                "Sign in to perform this action");
    }

    /**
     * A request that needed a confirmed confirmation for {@code purpose}, owned by the caller, and did not carry one:
     * the header was missing or malformed, or the confirmation unknown, someone else's, for another purpose, not
     * confirmed, spent or expired. The answer is the same in every case.
     */
    static ProblemException confirmationRequired(String purpose) {
        return new ProblemException(403, "confirmation-required", "Confirmation required",
                "This action needs the id of a confirmed, unused confirmation for purpose '" + purpose + "' in the "
                        + RequiresConfirmation.HEADER + " header")
                .with("purpose", purpose);
    }

    /** A code that does not match; the confirmation takes {@code remainingAttempts} more. */
    static ProblemException wrongCode(int remainingAttempts) {
        return new ProblemException(400, "wrong-code", "Wrong code", "The code does not match")
                .with("remainingAttempts", remainingAttempts);
    }

    /** A wrong code that used up the confirmation's last attempt, or a code given after that. */
    static ProblemException attemptsExhausted() {
        return new ProblemException(429, "attempts-exhausted", "Too many wrong codes",
                "Too many wrong codes were given; request a new confirmation");
    }

    /** A 429 whose {@code Retry-After} header and detail give the wait in whole seconds, rounded up. */
    static ProblemException tooManyRequests(String type, String title, String reason, Duration retryAfter) {
        return retryLater(429, type, title, reason, retryAfter);
    }

    /** A refusal whose {@code Retry-After} header and detail give the wait in whole seconds, rounded up. */
    static ProblemException retryLater(int status, String type, String title, String reason, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(status, type, title, reason + "; retry after " + seconds + (seconds == 1 ? " second" : " seconds"))
                .header("Retry-After", Long.toString(seconds));
    }

    ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
