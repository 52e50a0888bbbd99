package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static io.quarkiverse.twofactor.it.Api.wrongCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.ConfirmationState;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.ResendResult;
import io.quarkus.test.junit.QuarkusTest;

/** Confirmations that belong to an owner and unlock one purpose, and meta of JSON values, through the Java API. */
@QuarkusTest
class BindingTest {

    private static final Binding ALICE_PAYS = new Binding("alice", "payment");

    @Inject
    Confirmer confirmer;

    @Test
    void aBoundConfirmationCarriesItsOwnerAndPurpose() {
        ConfirmationState state = confirmer.request(ALICE_PAYS, null, freshRecipient(), Map.of()).state();
        assertEquals("alice", state.owner());
        assertEquals("payment", state.purpose());
        assertEquals(state, confirmer.check(state.id(), "alice").orElseThrow());
    }

    @Test
    void anotherOwnerSeesNothingAndCountsNothing() {
        NewConfirmation made = confirmer.make(ALICE_PAYS, Map.of());
        UUID id = made.state().id();

        assertTrue(confirmer.check(id, "bob").isEmpty());
        assertEquals(Outcome.NOT_FOUND, confirmer.confirm(id, "bob", made.code()).outcome());
        assertEquals(Outcome.NOT_FOUND, confirmer.confirm(id, "bob", wrongCode(made.code())).outcome());
        assertEquals(0, confirmer.check(id).orElseThrow().attempts(), "bob's tries are not counted against alice");
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, "alice", made.code()).outcome());
        assertFalse(confirmer.use(id, new Binding("bob", "payment")));
        assertTrue(confirmer.use(id, ALICE_PAYS));
    }

    @Test
    void aResendByAnotherOwnerIsNotFound() {
        UUID id = confirmer.request(ALICE_PAYS, null, freshRecipient(), Map.of()).state().id();
        assertEquals(ResendResult.Outcome.NOT_FOUND, confirmer.resend(id, "bob").outcome());
        assertEquals(ResendResult.Outcome.COOLDOWN, confirmer.resend(id, "alice").outcome());
    }

    @Test
    void useSpendsOnlyForTheOwnerAndThePurposeAndOnlyOnce() {
        NewConfirmation made = confirmer.make(ALICE_PAYS, Map.of());
        UUID id = made.state().id();
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, "alice", made.code()).outcome());

        assertFalse(confirmer.use(id, new Binding("alice", "sign-in")));
        assertFalse(confirmer.use(id, new Binding("bob", "payment")));
        assertTrue(confirmer.use(id, ALICE_PAYS));
        assertFalse(confirmer.use(id, ALICE_PAYS));
    }

    @Test
    void anUnboundConfirmationIsNobodysToSpend() {
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, made.code()).outcome());
        assertTrue(confirmer.check(id, "alice").isEmpty());
        assertFalse(confirmer.use(id, ALICE_PAYS));
        assertTrue(confirmer.use(id));
    }

    @Test
    void purposeAndOwnerAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Binding("alice", "Pay Now"));
        assertThrows(IllegalArgumentException.class, () -> new Binding("alice", "x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> new Binding(" ", "payment"));
        assertThrows(IllegalArgumentException.class, () -> new Binding("al\nice", "payment"));
        assertThrows(IllegalArgumentException.class, () -> confirmer.check(UUID.randomUUID(), null));
    }

    @Test
    void metaKeepsJsonValuesAndMatchesThemByType() {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("amount", 42);
        meta.put("approved", true);
        meta.put("note", null);
        meta.put("tags", Arrays.asList("a", 1, null));
        meta.put("card", Map.of("last4", "4242"));

        assertEquals(meta, confirmer.check(confirmed(meta)).orElseThrow().meta());
        assertFalse(confirmer.use(confirmed(meta), Map.of("amount", "42")), "a string is not a number");
        assertFalse(confirmer.use(confirmed(meta), Map.of("approved", "true")));
        assertFalse(confirmer.use(confirmed(meta), Map.of("amount", 43)));
        assertFalse(confirmer.use(confirmed(meta), Map.of("tags", List.of("a", 1))));
        assertTrue(confirmer.use(confirmed(meta), Map.of("amount", 42.0)), "numbers compare by value");
        assertTrue(confirmer.use(confirmed(meta), Map.of("amount", new BigDecimal("42.00"), "approved", true)));
        assertTrue(confirmer.use(confirmed(meta), Map.of("card", Map.of("last4", "4242"))));
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("note", null);
        assertTrue(confirmer.use(confirmed(meta), withNull));
    }

    @Test
    void metaThatIsNotJsonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> confirmer.make(Map.of("when", new Object())));
        assertThrows(IllegalArgumentException.class, () -> confirmer.make(Map.of("x", Double.NaN)));
    }

    private UUID confirmed(Map<String, Object> meta) {
        NewConfirmation made = confirmer.make(meta);
        confirmer.confirm(made.state().id(), made.code());
        return made.state().id();
    }
}
