package io.quarkiverse.twofactor.runtime.totp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY = "test-only-totp-key-0123456789abcdef-0123";

    private final byte[] secret = new byte[20];

    SecretCipherTest() {
        new Random(1).nextBytes(secret);
    }

    @Test
    void aSecretDecryptsForTheAuthenticatorItWasEncryptedFor() {
        SecretCipher cipher = new SecretCipher(KEY);
        assertArrayEquals(secret, cipher.decrypt(cipher.encrypt(secret, "id-1"), "id-1"));
        // Another instance with the same key, as on another replica.
        assertArrayEquals(secret, new SecretCipher(KEY).decrypt(cipher.encrypt(secret, "id-1"), "id-1"));
    }

    @Test
    void theStoredTextHoldsNeitherTheSecretNorItsBase32() {
        String stored = new SecretCipher(KEY).encrypt(secret, "id-1");
        assertFalse(stored.contains(Base32.encode(secret)));
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(secret)));
        assertNotEquals(stored, new SecretCipher(KEY).encrypt(secret, "id-1"), "a fresh nonce every time");
    }

    @Test
    void anotherKeyAnotherAuthenticatorOrAnAlteredTextDoNotDecrypt() {
        SecretCipher cipher = new SecretCipher(KEY);
        String stored = cipher.encrypt(secret, "id-1");
        assertThrows(IllegalStateException.class, () -> new SecretCipher(KEY + "x").decrypt(stored, "id-1"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "id-2"));
        byte[] altered = Base64.getDecoder().decode(stored);
        altered[altered.length - 1] ^= 1;
        assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(Base64.getEncoder().encodeToString(altered), "id-1"));
    }
}
