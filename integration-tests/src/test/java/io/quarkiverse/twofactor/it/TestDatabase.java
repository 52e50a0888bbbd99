package io.quarkiverse.twofactor.it;

import java.util.regex.Pattern;

/**
 * The PostgreSQL database the suites run against under {@code -Ppostgresql}: {@code -Dtwo-factor.test.jdbc-url}, so that
 * two checkouts can test side by side, each on a database of its own.
 */
public final class TestDatabase {

    private static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final int DEFAULT_PORT = 5432;

    private TestDatabase() {
    }

    public static String jdbcUrl() {
        return System.getProperty("two-factor.test.jdbc-url", DEFAULT_URL);
    }

    /** The port the database listens on: the URL's, or PostgreSQL's own when the URL names none. */
    public static int port() {
        String authority = authority(jdbcUrl());
        int colon = authority.lastIndexOf(':');
        // A colon inside brackets belongs to an IPv6 address, not to a port.
        return colon < 0 || colon < authority.lastIndexOf(']') ? DEFAULT_PORT
                : Integer.parseInt(authority.substring(colon + 1));
    }

    /**
     * The database's URL reached through a loopback port instead, such as that of a proxy in front of it, with these
     * connection parameters added.
     */
    public static String through(int loopbackPort, String parameters) {
        String url = jdbcUrl();
        String moved = url.replaceFirst("//" + Pattern.quote(authority(url)),
                "//127.0.0.1:" + loopbackPort);
        return moved + (moved.contains("?") ? "&" : "?") + parameters;
    }

    private static String authority(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            throw new IllegalArgumentException("two-factor.test.jdbc-url names no host: " + url);
        }
        start += 2;
        int end = start;
        while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
            end++;
        }
        return url.substring(start, end);
    }
}
