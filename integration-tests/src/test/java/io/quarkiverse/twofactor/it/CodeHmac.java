package io.quarkiverse.twofactor.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A code's stored form, computed independently of the extension: HMAC-SHA-256 of "id:code" under the key, in hex. */
public final class CodeHmac {

    private CodeHmac() {
    }

    public static String of(String key, Object confirmationId, String code) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((confirmationId + ":" + code).getBytes(StandardCharsets.UTF_8)));
    }
}
