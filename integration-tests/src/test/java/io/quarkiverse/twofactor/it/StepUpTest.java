package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.PROBLEM;
import static io.quarkiverse.twofactor.it.StepUp.ALICE;
import static io.quarkiverse.twofactor.it.StepUp.PURPOSE;
import static io.quarkiverse.twofactor.it.StepUp.confirmed;
import static io.quarkiverse.twofactor.it.StepUp.securedActionAsAlice;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.RequiresConfirmation;
import io.quarkiverse.twofactor.demo.DemoResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * The header rules of {@link RequiresConfirmation} on the demo's {@code POST /demo/secured-action}. An expired
 * confirmation, which needs a short ttl, is refused in {@link ExpiryAndResendTest}.
 */
@QuarkusTest
class StepUpTest {

    @Inject
    Confirmer confirmer;

    @Inject
    DemoResource demo;

    private int doneBefore;
    private int accepted;
    private final List<String> details = new ArrayList<>();

    @BeforeEach
    void countActions() {
        doneBefore = demo.securedActionsDone();
    }

    @Test
    void aConfirmedConfirmationRunsTheActionOnceAndIsRefusedWhenReplayed() {
        UUID id = confirmed(confirmer, ALICE);

        accepted(securedActionAsAlice(id));
        refused(securedActionAsAlice(id));
    }

    @Test
    void aRequestWithoutTheHeaderIsRefused() {
        refused(securedActionAsAlice(null));
    }

    @Test
    void aHeaderThatIsNotAConfirmationIdIsRefused() {
        refused(securedActionAsAlice("not-an-id"));
        refused(securedActionAsAlice(""));
        refused(securedActionAsAlice("1-2-3-4-5"));
        refused(securedActionAsAlice(confirmed(confirmer, ALICE) + "0"));
    }

    @Test
    void anUnknownIdIsRefused() {
        refused(securedActionAsAlice(UUID.randomUUID()));
    }

    @Test
    void anotherUsersConfirmationIsRefusedAndStaysTheirs() {
        Binding bob = new Binding("bob", PURPOSE);
        UUID id = confirmed(confirmer, bob);

        refused(securedActionAsAlice(id));

        assertTrue(confirmer.use(id, bob), "alice's attempt must not spend bob's confirmation");
    }

    @Test
    void aConfirmationForAnotherPurposeIsRefusedAndStaysUnspent() {
        Binding payment = new Binding("alice", "payment");
        UUID id = confirmed(confirmer, payment);

        refused(securedActionAsAlice(id));

        assertTrue(confirmer.use(id, payment), "the refused attempt must not spend it");
    }

    @Test
    void aPendingConfirmationIsRefused() {
        UUID id = confirmer.make(ALICE, Map.of()).state().id();
        refused(securedActionAsAlice(id));
    }

    @Test
    void anUnboundConfirmationIsRefused() {
        NewConfirmation made = confirmer.make(Map.of());
        confirmer.confirm(made.state().id(), made.code());
        refused(securedActionAsAlice(made.state().id()));
    }

    @Test
    void everyRefusalSaysTheSameSoNobodyLearnsAboutOtherIds() {
        UUID spent = confirmed(confirmer, ALICE);
        accepted(securedActionAsAlice(spent));
        details.clear();

        refused(securedActionAsAlice(null));
        refused(securedActionAsAlice("not-an-id"));
        refused(securedActionAsAlice(UUID.randomUUID()));
        refused(securedActionAsAlice(confirmed(confirmer, new Binding("bob", PURPOSE))));
        refused(securedActionAsAlice(confirmed(confirmer, new Binding("alice", "payment"))));
        refused(securedActionAsAlice(confirmer.make(ALICE, Map.of()).state().id()));
        refused(securedActionAsAlice(spent));

        assertEquals(1, new HashSet<>(details).size(), () -> "details differ: " + details);
    }

    @Test
    void anAnonymousRequestIsRefusedWith401AndSpendsNothing() {
        UUID id = confirmed(confirmer, ALICE);

        given().header(RequiresConfirmation.HEADER, id.toString())
                .post("/demo/secured-action")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .body("type", endsWith("unauthenticated"))
                .body("status", equalTo(401));

        accepted(securedActionAsAlice(id));
    }

    @AfterEach
    void onlyTheAcceptedRequestsReachedTheAction() {
        assertEquals(doneBefore + accepted, demo.securedActionsDone(), "a refused request reached the action");
    }

    private void accepted(ValidatableResponse response) {
        response.statusCode(200).body(equalTo("done"));
        accepted++;
    }

    private void refused(ValidatableResponse response) {
        String detail = response.statusCode(403)
                .contentType(PROBLEM)
                .body("type", endsWith("confirmation-required"))
                .body("status", equalTo(403))
                .body("purpose", equalTo(PURPOSE))
                .body("detail", not(emptyOrNullString()))
                .extract().path("detail");
        details.add(detail);
    }
}
