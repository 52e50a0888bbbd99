package io.quarkiverse.twofactor.it;

import static io.quarkiverse.twofactor.it.Api.deliveredCode;
import static io.quarkiverse.twofactor.it.Api.freshRecipient;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(DebugCodeOffProfile.class)
class DebugCodeOffTest {

    @Test
    void responsesCarryNoCodeWhenDebugCodeResponseIsOff() {
        String recipient = freshRecipient();
        String body = Api.requestConfirmation(Map.of("recipient", recipient)).statusCode(201)
                .body("code", nullValue()).extract().asString();
        assertThat(body, not(containsString(deliveredCode(recipient))));
    }
}
