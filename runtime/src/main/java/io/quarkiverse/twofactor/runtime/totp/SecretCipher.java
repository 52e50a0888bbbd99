package io.quarkiverse.twofactor.runtime.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts authenticator secrets for the store with AES-256-GCM. The AES key is derived from the configured key with
 * HMAC-SHA256 and a label of its own, so the same text can never serve as the code hash key too. Each secret is bound
 * to its authenticator's id as associated data: a ciphertext copied onto another row does not decrypt.
 */
public final class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] LABEL = "quarkus-two-factor authenticator secrets".getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher(String configuredKey) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(configuredKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(derive.doFinal(LABEL), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot derive an AES key with HmacSHA256", e);
        }
    }

    /** The nonce and the ciphertext with its tag, as Base64 text for a column or a hash field. */
    public String encrypt(byte[] secret, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, boundTo, secret);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce)
                .put(sealed).array());
    }

    /**
     * @throws IllegalStateException when the text was not made by {@link #encrypt} under this key for {@code boundTo}:
     *         the key changed, or the stored value was altered or moved
     */
    public byte[] decrypt(String stored, String boundTo) {
        byte[] bytes = Base64.getDecoder().decode(stored);
        byte[] nonce = new byte[NONCE_BYTES];
        System.arraycopy(bytes, 0, nonce, 0, NONCE_BYTES);
        byte[] sealed = new byte[bytes.length - NONCE_BYTES];
        System.arraycopy(bytes, NONCE_BYTES, sealed, 0, sealed.length);
        return run(Cipher.DECRYPT_MODE, nonce, boundTo, sealed);
    }

    private byte[] run(int mode, byte[] nonce, String boundTo, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("An authenticator secret does not decrypt with the configured key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot run " + TRANSFORMATION, e);
        }
    }
}
