package io.quarkiverse.twofactor.it.identity;

import static io.quarkiverse.twofactor.it.AuthenticatorApp.stableStep;
import static io.quarkiverse.twofactor.it.identity.Caller.ALICE;
import static io.quarkiverse.twofactor.it.identity.Caller.BOB;
import static io.quarkiverse.twofactor.it.identity.Caller.CONFIRMATION_HEADER;
import static io.quarkiverse.twofactor.it.identity.Caller.MANAGE;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.RecoveryCodes;
import io.quarkiverse.twofactor.runtime.totp.Base32;
import io.quarkiverse.twofactor.runtime.totp.TotpAlgorithm;
import io.quarkiverse.twofactor.runtime.totp.TotpCodes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Authenticator apps and recovery codes over REST in identity mode: enrol, verify, confirm with the app, the step-up
 * rule once an app is verified, and recovery codes. An application of its own, so that no other identity suite meets
 * alice's apps.
 */
@QuarkusTest
@TestProfile(AuthenticatorEndpointsTest.Profile.class)
class AuthenticatorEndpointsTest {

    /**
     * The identity-mode demo, started apart from the other identity suites, with a third user: a time step accepted
     * from a user stays spent, so each test that verifies an app needs a user no other test took steps from.
     */
    public static class Profile extends IdentityModeProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.security.users.embedded.users.carol", "carol");
            overrides.put("quarkus.security.users.embedded.roles.carol", "user");
            return overrides;
        }
    }

    private static final Caller CAROL = new Caller("carol");

    private static final TotpCodes APP = new TotpCodes(TotpAlgorithm.SHA1, 6, Duration.ofSeconds(30));
    private static final String PROBLEM = "urn:quarkus-two-factor:problem:";

    @Inject
    Authenticators authenticators;

    @Inject
    RecoveryCodes recoveryCodes;

    @BeforeEach
    void aliceAndCarolHaveNoApps() {
        for (String user : List.of("alice", "carol")) {
            authenticators.list(user).forEach(app -> authenticators.remove(user, app.id()));
        }
    }

    @Test
    void anAppIsEnrolledVerifiedAndThenConfirmsTheCallersConfirmationsWithNoCodeTwice() {
        var enrolled = enrol(ALICE, null).statusCode(201)
                .body("label", equalTo("Work phone"), "verified", equalTo(false))
                .body("otpauthUri", startsWith("otpauth://totp/Two-Factor%20Demo:alice?secret="))
                .body("qrCode", startsWith("data:image/svg+xml;base64,")).extract();
        String id = enrolled.path("id");
        enrolled.response().then().header("Location", endsWith("/two-factor/authenticators/" + id));
        byte[] secret = Base32.decode(enrolled.path("secret"));
        ALICE.given().get("/two-factor/authenticators").then().statusCode(200)
                .body("id", contains(id)).body("[0]", not(hasKey("secret"))).body("[0].verified", equalTo(false));

        long step = stableStep();
        verify(ALICE, id, APP.codeAt(secret, step + 3)).statusCode(400).body("type", equalTo(PROBLEM + "wrong-code"));
        verify(BOB, id, APP.codeAt(secret, step)).statusCode(404);
        verify(ALICE, id, APP.codeAt(secret, step)).statusCode(200).body("verified", equalTo(true));

        var pending = ALICE.requestConfirmation(Map.of("purpose", "pay", "method", "totp")).statusCode(201)
                .body("sender", equalTo("totp")).body("$", not(hasKey("code"))).extract();
        String confirmation = pending.path("id");
        ALICE.confirm(confirmation, APP.codeAt(secret, step)).statusCode(400)
                .body("type", equalTo(PROBLEM + "wrong-code"));
        ALICE.confirm(confirmation, APP.codeAt(secret, step + 1)).statusCode(200)
                .body("status", equalTo("confirmed"));

        String second = ALICE.requestConfirmation(Map.of("purpose", "pay", "method", "totp")).statusCode(201)
                .extract().path("id");
        ALICE.confirm(second, APP.codeAt(secret, step + 1)).statusCode(400)
                .body("type", equalTo(PROBLEM + "wrong-code"));
    }

    @Test
    void onceAnAppIsVerifiedEnrollingOrRemovingOneSpendsAManageConfirmation() {
        byte[] secret = verifiedApp(CAROL);
        long step = stableStep();
        enrol(CAROL, null).statusCode(403).body("type", equalTo(PROBLEM + "confirmation-required"));
        String first = CAROL.given().get("/two-factor/authenticators").then().extract().path("[0].id");
        remove(CAROL, first, null).statusCode(403);

        String manage = confirmedWithApp(CAROL, MANAGE, APP.codeAt(secret, step + 1));
        String added = enrol(CAROL, manage).statusCode(201).extract().path("id");
        remove(CAROL, added, manage).statusCode(403);

        // One code per time step: within this step, the next confirmation takes a recovery code.
        String recoveryCode = recoveryCodes.issue("carol").get(0);
        String manageAgain = CAROL.requestConfirmation(Map.of("purpose", MANAGE, "method", "recovery-code"))
                .statusCode(201).extract().path("id");
        CAROL.confirm(manageAgain, recoveryCode).statusCode(200);
        remove(CAROL, added, manageAgain).statusCode(204);
        CAROL.given().get("/two-factor/authenticators").then().body("id", contains(first));
    }

    @Test
    void aMethodWithoutAVerifiedAppOrWithASenderIsRefused() {
        ALICE.requestConfirmation(Map.of("purpose", "pay", "method", "totp")).statusCode(409)
                .body("type", equalTo(PROBLEM + "no-authenticator"));
        ALICE.requestConfirmation(Map.of("purpose", "pay", "method", "carrier-pigeon")).statusCode(400)
                .body("type", equalTo(PROBLEM + "invalid-request"));
        ALICE.requestConfirmation(Map.of("purpose", "pay", "method", "totp", "sender", "default")).statusCode(400)
                .body("type", equalTo(PROBLEM + "invalid-request"));
    }

    @Test
    void recoveryCodesAreIssuedOnceAndEachConfirmsOnce() {
        BOB.given().get("/two-factor/recovery-codes").then().statusCode(200).body("remaining", equalTo(0));
        List<String> codes = BOB.given().post("/two-factor/recovery-codes").then().statusCode(201)
                .body("codes", hasSize(10)).body("remaining", equalTo(10)).extract().path("codes");

        String id = BOB.requestConfirmation(Map.of("purpose", "sign-in", "method", "recovery-code")).statusCode(201)
                .body("sender", equalTo("recovery-code")).extract().path("id");
        BOB.confirm(id, codes.get(0)).statusCode(200).body("status", equalTo("confirmed"));
        BOB.given().get("/two-factor/recovery-codes").then().body("remaining", equalTo(9));

        String again = BOB.requestConfirmation(Map.of("purpose", "sign-in", "method", "recovery-code"))
                .statusCode(201).extract().path("id");
        BOB.confirm(again, codes.get(0)).statusCode(400).body("type", equalTo(PROBLEM + "wrong-code"));
    }

    private static ValidatableResponse enrol(Caller caller, String confirmation) {
        var request = caller.given().contentType(ContentType.JSON).body(Map.of("label", "Work phone"));
        return (confirmation == null ? request : request.header(CONFIRMATION_HEADER, confirmation))
                .post("/two-factor/authenticators").then();
    }

    private static ValidatableResponse verify(Caller caller, String id, String code) {
        return caller.given().contentType(ContentType.JSON).body(Map.of("code", code))
                .post("/two-factor/authenticators/{id}/verify", id).then();
    }

    private static ValidatableResponse remove(Caller caller, String id, String confirmation) {
        var request = caller.given();
        return (confirmation == null ? request : request.header(CONFIRMATION_HEADER, confirmation))
                .delete("/two-factor/authenticators/{id}", id).then();
    }

    private static byte[] verifiedApp(Caller caller) {
        var enrolled = enrol(caller, null).statusCode(201).extract();
        byte[] secret = Base32.decode(enrolled.path("secret"));
        verify(caller, enrolled.path("id"), APP.codeAt(secret, stableStep())).statusCode(200);
        return secret;
    }

    private static String confirmedWithApp(Caller caller, String purpose, String code) {
        String id = caller.requestConfirmation(Map.of("purpose", purpose, "method", "totp")).statusCode(201)
                .extract().path("id");
        caller.confirm(id, code).statusCode(200);
        return id;
    }
}
