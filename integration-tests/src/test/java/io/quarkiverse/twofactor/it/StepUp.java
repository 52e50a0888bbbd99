package io.quarkiverse.twofactor.it;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.restassured.response.ValidatableResponse;

/** Calls to the demo's step-up guarded action, and the confirmations they carry. */
public final class StepUp {

    public static final String PURPOSE = "secured-action";
    public static final Binding ALICE = new Binding("alice", PURPOSE);

    private StepUp() {
    }

    /** A confirmation for the binding, confirmed with its code and ready to spend. */
    public static UUID confirmed(Confirmer confirmer, Binding binding) {
        NewConfirmation made = confirmer.make(binding, Map.of());
        UUID id = made.state().id();
        ConfirmResult confirmed = confirmer.confirm(id, binding.owner(), made.code());
        if (confirmed.outcome() != ConfirmResult.Outcome.CONFIRMED) {
            throw new IllegalStateException("not confirmed: " + confirmed.outcome());
        }
        return id;
    }

    /** {@code POST /demo/secured-action} as alice, carrying {@code header} unless it is null. */
    public static ValidatableResponse securedActionAsAlice(Object header) {
        var request = given().auth().preemptive().basic("alice", "alice");
        if (header != null) {
            request.header(RequiresConfirmation.HEADER, header.toString());
        }
        return request.post("/demo/secured-action").then();
    }
}
