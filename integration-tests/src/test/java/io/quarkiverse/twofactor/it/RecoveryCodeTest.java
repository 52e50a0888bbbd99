package io.quarkiverse.twofactor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NoAuthenticatorException;
import io.quarkiverse.twofactor.RecoveryCodes;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkus.test.junit.QuarkusTest;

/** Recovery codes through the Java API, on the demo's database: each confirms one confirmation, once. */
@QuarkusTest
class RecoveryCodeTest {

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    Confirmer confirmer;

    String owner;

    @BeforeEach
    void newOwner() {
        owner = "user-" + UUID.randomUUID();
    }

    @Test
    void tenDistinctCodesAreIssuedAndEachConfirmsOnceForAnyPurpose() {
        assertThrows(NoAuthenticatorException.class, () -> request("pay"));
        List<String> codes = recoveryCodes.issue(owner);
        assertEquals(10, codes.size());
        assertEquals(10, new HashSet<>(codes).size());
        codes.forEach(code -> assertTrue(code.matches("[a-z2-9]{5}-[a-z2-9]{5}"), code));
        assertEquals(10, recoveryCodes.remaining(owner));

        UUID payment = request("pay");
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(payment, owner, codes.get(0)).outcome());
        assertEquals(9, recoveryCodes.remaining(owner));
        // Typed without the hyphen and in capitals, as people do.
        UUID email = request("change-email");
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(email, owner, codes.get(1).replace("-", "").toUpperCase())
                .outcome());

        UUID again = request("pay");
        assertEquals(Outcome.WRONG_CODE, confirmer.confirm(again, owner, codes.get(0)).outcome(), "spent twice");
        assertEquals(8, recoveryCodes.remaining(owner));
    }

    @Test
    void issuingNewCodesRevokesTheOldOnes() {
        List<String> old = recoveryCodes.issue(owner);
        List<String> fresh = recoveryCodes.issue(owner);
        assertEquals(10, recoveryCodes.remaining(owner));
        UUID id = request("pay");
        assertEquals(Outcome.WRONG_CODE, confirmer.confirm(id, owner, old.get(0)).outcome());
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, owner, fresh.get(0)).outcome());
    }

    @Test
    void anotherOwnersCodeDoesNotConfirm() {
        List<String> others = recoveryCodes.issue("other-" + owner);
        recoveryCodes.issue(owner);
        UUID id = request("pay");
        assertEquals(Outcome.WRONG_CODE, confirmer.confirm(id, owner, others.get(0)).outcome());
        assertEquals(10, recoveryCodes.remaining("other-" + owner));
    }

    @Test
    void fiftyConcurrentUsesOfOneCodeSucceedOnce() throws Exception {
        String code = recoveryCodes.issue(owner).get(0);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(request("pay"));
        }
        List<Outcome> outcomes = Concurrently.run(50, caller -> {
            try {
                return confirmer.confirm(ids.get(caller), owner, code).outcome();
            } catch (TooManyFailuresException e) {
                // The owner's guess budget refused the call, once the others' wrong answers had used it up.
                return null;
            }
        });
        assertEquals(1, outcomes.stream().filter(o -> o == Outcome.CONFIRMED).count(), outcomes.toString());
        assertEquals(9, recoveryCodes.remaining(owner));
    }

    private UUID request(String purpose) {
        return confirmer.request(new Binding(owner, purpose), RecoveryCodes.METHOD, null, Map.of()).state().id();
    }
}
