package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.AuthenticatorApp.stableStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewAuthenticator;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.NoAuthenticatorException;
import io.quarkiverse.twofactor.Status;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkiverse.twofactor.runtime.totp.Base32;
import io.quarkiverse.twofactor.runtime.totp.TotpAlgorithm;
import io.quarkiverse.twofactor.runtime.totp.TotpCodes;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Authenticator apps through the Java API, on the demo's database: enrolment, verification, confirmations confirmed
 * with the app's code, the skew either side, and no step accepted twice. The test computes codes as the app would.
 */
@QuarkusTest
class AuthenticatorAppTest {

    private static final TotpCodes APP = new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));

    @Inject
    Authenticators authenticators;

    @Inject
    Confirmer confirmer;

    @Inject
    DataSource dataSource;

    String owner;

    @BeforeEach
    void newOwner() {
        owner = "user-" + UUID.randomUUID();
    }

    @Test
    void anEnrolledAppIsUnverifiedUntilItGivesBackAValidCode() {
        NewAuthenticator enrolled = authenticators.enrol(owner, "Work phone");
        assertFalse(enrolled.authenticator().verified());
        assertTrue(enrolled.otpauthUri().startsWith("otpauth://totp/Two-Factor%20Demo:" + owner + "?secret="
                + enrolled.secret() + "&issuer=Two-Factor%20Demo&algorithm=SHA1&digits=6&period=30"),
                enrolled.otpauthUri());
        assertTrue(enrolled.qrCode().startsWith("data:image/svg+xml;base64,"));
        assertFalse(authenticators.hasVerified(owner));
        assertThrows(NoAuthenticatorException.class, () -> request(owner));

        byte[] secret = Base32.decode(enrolled.secret());
        long step = stableStep();
        UUID id = enrolled.authenticator().id();
        assertFalse(authenticators.verify(owner, id, APP.codeAt(secret, step + 2)));
        assertFalse(authenticators.verify("someone-else", id, APP.codeAt(secret, step)));
        assertTrue(authenticators.verify(owner, id, APP.codeAt(secret, step)));
        assertTrue(authenticators.list(owner).get(0).verified());
        assertTrue(authenticators.hasVerified(owner));
    }

    @Test
    void aConfirmationIsConfirmedWithTheAppsCurrentCodeAndNoStepConfirmsTwice() {
        byte[] secret = enrolVerified(owner);
        NewConfirmation first = request(owner);
        assertNull(first.code(), "nothing is sent, and there is no code to hand out");
        assertEquals(Authenticators.METHOD, first.state().sender());

        long step = stableStep();
        // The verification took this step's code already: the next one must come from a later step.
        assertEquals(Outcome.WRONG_CODE, confirmer.confirm(first.state().id(), owner, APP.codeAt(secret, step))
                .outcome());
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(first.state().id(), owner, APP.codeAt(secret, step + 1))
                .outcome());
        assertTrue(confirmer.use(first.state().id(), new Binding(owner, "pay")));

        NewConfirmation second = request(owner);
        assertEquals(Outcome.WRONG_CODE, confirmer.confirm(second.state().id(), owner, APP.codeAt(secret, step + 1))
                .outcome(), "a replayed step");
        assertEquals(1, confirmer.check(second.state().id()).orElseThrow().attempts());
    }

    @Test
    void codesOfTheStepsEitherSideCountAndTwoStepsAwayDoNot() {
        for (int offset : new int[] { -1, 1 }) {
            String user = "user-" + UUID.randomUUID();
            byte[] secret = enrolUnverified(user);
            long step = stableStep();
            assertTrue(authenticators.verify(user, authenticators.list(user).get(0).id(),
                    APP.codeAt(secret, step + offset)), "offset " + offset);
        }
        for (int offset : new int[] { -2, 2 }) {
            String user = "user-" + UUID.randomUUID();
            byte[] secret = enrolUnverified(user);
            long step = stableStep();
            assertFalse(authenticators.verify(user, authenticators.list(user).get(0).id(),
                    APP.codeAt(secret, step + offset)), "offset " + offset);
        }
    }

    @Test
    void fiftyConcurrentConfirmsWithOneCodeOnFiftyConfirmationsSucceedOnce() throws Exception {
        byte[] secret = enrolVerified(owner);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(request(owner).state().id());
        }
        String code = APP.codeAt(secret, stableStep() + 1);
        List<Outcome> outcomes = Concurrently.run(50, caller -> confirmOrRefused(ids.get(caller), code));
        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.CONFIRMED).count(), outcomes.toString());
        // The others were wrong codes, until the owner's guess budget refused the rest.
        assertEquals(49, outcomes.stream().filter(o -> o == Outcome.WRONG_CODE || o == null).count(),
                outcomes.toString());
    }

    @Test
    void anotherOwnersConfirmationIsNotConfirmedWithThisOwnersApp() {
        byte[] secret = enrolVerified(owner);
        String other = "user-" + UUID.randomUUID();
        enrolVerified(other);
        NewConfirmation others = request(other);
        assertEquals(Outcome.NOT_FOUND, confirmer.confirm(others.state().id(), owner, APP.codeAt(secret,
                stableStep() + 1)).outcome());
        assertEquals(Outcome.WRONG_CODE, confirmer.confirm(others.state().id(), other, APP.codeAt(secret,
                stableStep() + 1)).outcome(), "the other owner's app has another secret");
        assertEquals(Status.PENDING, confirmer.check(others.state().id()).orElseThrow().status());
    }

    @Test
    void theDatabaseRowHoldsNoPlainSecret() throws Exception {
        NewAuthenticator enrolled = authenticators.enrol(owner, "phone");
        byte[] secret = Base32.decode(enrolled.secret());
        String stored;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT secret FROM two_factor_authenticator WHERE id = ?")) {
            select.setObject(1, enrolled.authenticator().id());
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                stored = rows.getString(1);
            }
        }
        assertFalse(stored.contains(enrolled.secret()), "the Base32 secret is in the row");
        // One byte per char, so that a byte sequence is a substring.
        assertFalse(new String(Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1)
                .contains(new String(secret, StandardCharsets.ISO_8859_1)), "the raw secret is in the row");
    }

    /** The outcome, or null when the owner's guess budget refused the call. */
    private Outcome confirmOrRefused(UUID id, String code) {
        try {
            return confirmer.confirm(id, owner, code).outcome();
        } catch (TooManyFailuresException e) {
            return null;
        }
    }

    private NewConfirmation request(String user) {
        return confirmer.request(new Binding(user, "pay"), Authenticators.METHOD, null, Map.of("amount", 10));
    }

    private byte[] enrolUnverified(String user) {
        return Base32.decode(authenticators.enrol(user, "phone").secret());
    }

    private byte[] enrolVerified(String user) {
        NewAuthenticator enrolled = authenticators.enrol(user, "phone");
        byte[] secret = Base32.decode(enrolled.secret());
        assertTrue(authenticators.verify(user, enrolled.authenticator().id(), APP.codeAt(secret, stableStep())));
        return secret;
    }
}
