package io.quarkiverse.twofactor.runtime.rest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** A 429 whose {@code Retry-After} header and detail give the wait in whole seconds, rounded up. */
    static ProblemException tooManyRequests(String type, String title, String reason, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(429, type, title, reason + "; retry after " + seconds + (seconds == 1 ? " second" : " seconds"))
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
