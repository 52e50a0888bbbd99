package io.quarkiverse.twofactor.it.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.runtime.StoreClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * On PostgreSQL, each step of a flow is one statement in autocommit: no BEGIN, no COMMIT, no read before a write. The
 * statements are counted as they cross the wire to the database. Runs under -Ppostgresql.
 */
@QuarkusTest
@Tag("postgresql")
@TestProfile(StatementCountTest.ThroughRecorder.class)
class StatementCountTest {

    public static class ThroughRecorder implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StatementRecorderResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            // The clean-up would run its own statements whenever it is due.
            return Map.of("quarkus.two-factor.cleanup.enabled", "false");
        }
    }

    @Inject
    Confirmer confirmer;

    @Inject
    StoreClock clock;

    @BeforeEach
    void startCounting() {
        clock.now(); // the store's time, read now rather than in a step
        StatementRecorderResource.recorder.take();
    }

    @Test
    void requestConfirmUseIsThreeStatements() {
        Binding binding = new Binding("counted-" + UUID.randomUUID(), "sign-in");
        NewConfirmation made = confirmer.request(binding, null, recipient(), Map.of());
        assertOneStatement("request");

        ConfirmResult confirmed = confirmer.confirm(made.state().id(), binding.owner(), made.code());
        assertEquals(ConfirmResult.Outcome.CONFIRMED, confirmed.outcome());
        assertOneStatement("confirm");

        assertEquals(true, confirmer.use(made.state().id(), binding));
        assertOneStatement("use");
    }

    @Test
    void requestConfirmAndUseIsTwoStatements() {
        Binding binding = new Binding("counted-" + UUID.randomUUID(), "sign-in");
        NewConfirmation made = confirmer.request(binding, null, recipient(), Map.of());
        assertOneStatement("request");

        ConfirmResult used = confirmer.confirmAndUse(made.state().id(), binding, made.code());
        assertEquals(Status.USED, used.state().status());
        assertOneStatement("confirm and use");
    }

    @Test
    void aWrongCodeIsOneStatement() {
        NewConfirmation made = confirmer.request(null, recipient(), Map.of());
        assertOneStatement("request");

        ConfirmResult wrong = confirmer.confirm(made.state().id(), made.code().equals("000000") ? "111111" : "000000");
        assertEquals(ConfirmResult.Outcome.WRONG_CODE, wrong.outcome());
        assertOneStatement("wrong code");
    }

    /** The step since the last call sent one statement, in autocommit. */
    private static void assertOneStatement(String step) {
        List<String> sent = flowStatements();
        assertEquals(1, sent.size(), () -> step + " sent " + sent);
    }

    /**
     * The statements the steps sent since the last call, each of which must run alone. The store's clock, which reads
     * the database's time now and then, and the pool's empty validation queries are left out.
     */
    private static List<String> flowStatements() {
        List<String> sent = StatementRecorderResource.recorder.take().stream()
                .filter(sql -> !sql.isBlank() && !sql.equals("SELECT CURRENT_TIMESTAMP"))
                .toList();
        for (String sql : sent) {
            String upper = sql.strip().toUpperCase();
            if (upper.startsWith("BEGIN") || upper.startsWith("COMMIT") || upper.startsWith("ROLLBACK")) {
                throw new AssertionError("a step ran in a transaction of its own: " + sent);
            }
        }
        return sent;
    }

    private static String recipient() {
        return "counted-" + UUID.randomUUID() + "@example.com";
    }
}
