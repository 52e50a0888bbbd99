package io.quarkiverse.twofactor.bench.spring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.JdbcOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.quarkiverse.twofactor.bench.PeerLoop;

/**
 * The benchmark's peer: Spring Security's {@link JdbcOneTimeTokenService} on its own schema, in its own JVM. One flow
 * generates a token for a new user name and consumes it. Arguments: the JDBC URL, the user, the pool's size.
 */
public final class SpringOneTimeTokenPeer {

    private static final AtomicLong NEXT_USER = new AtomicLong(System.currentTimeMillis());

    private SpringOneTimeTokenPeer() {
    }

    public static void main(String[] args) throws Exception {
        // The connections of a row that ended go back to PostgreSQL, whose connections every JVM of the benchmark
        // shares with pgbench: none kept idle, an idle one closed after Hikari's shortest idle time.
        System.setProperty("com.zaxxer.hikari.housekeeping.periodMs", "2000");
        HikariConfig pool = new HikariConfig();
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(10_000);
        pool.setJdbcUrl(args[0]);
        pool.setUsername(args[1]);
        pool.setMaximumPoolSize(Integer.parseInt(args[2]));
        try (HikariDataSource dataSource = new HikariDataSource(pool)) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("DROP TABLE IF EXISTS one_time_tokens");
            jdbc.execute(springSchema());
            JdbcOneTimeTokenService tokens = new JdbcOneTimeTokenService(jdbc);
            try {
                PeerLoop.serve("Spring", () -> {
                    OneTimeToken made = tokens.generate(
                            new GenerateOneTimeTokenRequest("user-" + NEXT_USER.incrementAndGet()));
                    if (tokens.consume(OneTimeTokenAuthenticationToken.unauthenticated(made.getTokenValue())) == null) {
                        throw new IllegalStateException("consume refused a token it just generated");
                    }
                });
            } finally {
                tokens.destroy();
            }
        }
    }

    /**
     * The schema Spring Security ships with the service; its user name column type exists only in HSQLDB and H2, where
     * it compares without case, which plain {@code varchar} stands in for here.
     */
    private static String springSchema() throws IOException {
        try (InputStream in = JdbcOneTimeTokenService.class.getClassLoader()
                .getResourceAsStream("org/springframework/security/core/ott/jdbc/one-time-tokens-schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("varchar_ignorecase", "varchar");
        }
    }
}
