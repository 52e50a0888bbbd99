package io.quarkiverse.twofactor.runtime.rest;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.spi.StoreUnavailableException;

/**
 * The WARN lines of store outages: one line says what failed (the store's exception and its causes, up to
 * {@value #MAX_CAUSES} in all, each with its class and message), and a burst of failures of one kind logs at most one line a second, the next line counting those left out.
 * A kind is the class of the deepest cause, such as {@code java.net.ConnectException}: an outage that changes kind
 * (refused, then timing out) is logged at once.
 * <p>
 * Messages are the drivers' and clients' own text, so they are cleaned before they are logged: user info in URLs
 * ({@code redis://:secret@host}, {@code jdbc:postgresql://user:secret@host}) and values of password, secret and token
 * parameters become {@code ***}; line breaks become spaces, and each message is cut at
 * {@value #MAX_MESSAGE_LENGTH} characters.
 */
final class StoreOutageLog {

    static final int MAX_MESSAGE_LENGTH = 300;
    static final int MAX_CAUSES = 5;

    private static final Logger LOG = Logger.getLogger(StoreOutageLog.class);
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Pattern USER_INFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|token|api[-_]?key|access[-_]?key|credentials?)(\\s*[=:]\\s*)"
                    + "(\"[^\"]*\"|'[^']*'|[^\\s&;,)\"']+)");

    private final LongSupplier nanoTime;
    private final Map<String, Burst> bursts = new ConcurrentHashMap<>();

    StoreOutageLog(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Logs the outage, unless its kind was logged less than a second ago: then it only counts it. */
    void warn(Throwable failure) {
        Throwable root = rootCause(failure);
        long now = nanoTime.getAsLong();
        int[] suppressed = { -1 };
        bursts.compute(root.getClass().getName(), (kind, burst) -> {
            if (burst == null || now - burst.loggedAt >= INTERVAL_NANOS) {
                suppressed[0] = burst == null ? 0 : burst.suppressed;
                return new Burst(now, 0);
            }
            return new Burst(burst.loggedAt, burst.suppressed + 1);
        });
        if (suppressed[0] >= 0) {
            LOG.warn(line(failure, suppressed[0]));
        }
    }

    static String line(Throwable failure, int suppressed) {
        StringBuilder line = new StringBuilder("The confirmation store is unavailable: ");
        int shown = 0;
        for (Throwable t = storeFailure(failure); t != null && shown < MAX_CAUSES; t = t.getCause()) {
            line.append(shown++ == 0 ? "" : "; cause: ").append(describe(t));
            if (t.getCause() == t) {
                break;
            }
        }
        if (suppressed > 0) {
            line.append(" (").append(suppressed).append(suppressed == 1 ? " more failure" : " more failures")
                    .append(" of this kind since the last line)");
        }
        return line.toString();
    }

    /** A message with credentials masked, on one line, cut to a bounded length. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String cleaned = USER_INFO.matcher(message).replaceAll("$1***@");
        cleaned = SECRET_PARAMETER.matcher(cleaned).replaceAll("$1$2***");
        cleaned = cleaned.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").trim();
        return cleaned.length() > MAX_MESSAGE_LENGTH ? cleaned.substring(0, MAX_MESSAGE_LENGTH) + "..." : cleaned;
    }

    private static String describe(Throwable t) {
        String message = clean(t.getMessage());
        return t.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** The exception that says the store is unavailable: the store's own, or the first SQL one. */
    private static Throwable storeFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SQLException) {
                return t;
            }
        }
        return failure;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private record Burst(long loggedAt, int suppressed) {
    }
}
