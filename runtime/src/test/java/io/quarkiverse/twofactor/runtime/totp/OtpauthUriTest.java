package io.quarkiverse.twofactor.runtime.totp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class OtpauthUriTest {

    @Test
    void theUriCarriesTheLabelTheSecretAndTheSettingsPercentEncoded() {
        TotpCodes codes = new TotpCodes(TotpAlgorithm.SHA256, 8, Duration.ofSeconds(60));
        assertEquals("otpauth://totp/Acme%20Bank:alice%40example.com?secret=MZXW6YTBOI&issuer=Acme%20Bank"
                + "&algorithm=SHA256&digits=8&period=60",
                OtpauthUri.of("Acme Bank", "alice@example.com", "foobar".getBytes(StandardCharsets.US_ASCII), codes));
    }
}
