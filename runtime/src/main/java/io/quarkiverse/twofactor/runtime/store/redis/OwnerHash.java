package io.quarkiverse.twofactor.runtime.store.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stands for an owner in Redis keys, so that no user name appears in one. SHA-256, not the code hash key: what is kept
 * per owner (destinations, authenticator apps) must outlive a change of that key.
 */
final class OwnerHash {

    private OwnerHash() {
    }

    static String of(String owner) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(owner.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
