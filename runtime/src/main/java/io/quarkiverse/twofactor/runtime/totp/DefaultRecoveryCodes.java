package io.quarkiverse.twofactor.runtime.totp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.RecoveryCodes;
import io.quarkiverse.twofactor.runtime.CodeHasher;
import io.quarkiverse.twofactor.spi.AuthenticatorStore;

/**
 * Recovery codes: ten at a time, each two groups of five characters from an alphabet without look-alikes (no 0/o,
 * 1/l/i), so about 49 bits each. The store keeps only their keyed hashes, which cover the owner too, and spends a code
 * by removing its hash, which one caller wins.
 */
@Singleton
public class DefaultRecoveryCodes implements RecoveryCodes {

    static final int CODES = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int GROUP = 5;

    private final SecureRandom random = new SecureRandom();
    private final AuthenticatorStore store;
    private final CodeHasher hasher;

    @Inject
    DefaultRecoveryCodes(AuthenticatorStoreSelector stores, CodeHasher hasher) {
        this.store = stores.selected();
        this.hasher = hasher;
    }

    @Override
    public List<String> issue(String owner) {
        Binding.checkOwner(owner);
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < CODES) {
            codes.add(newCode());
        }
        Set<String> hashes = new LinkedHashSet<>();
        codes.forEach(code -> hashes.add(hasher.hashRecoveryCode(owner, code)));
        store.replaceRecoveryCodes(owner, hashes);
        return List.copyOf(new ArrayList<>(codes));
    }

    @Override
    public int remaining(String owner) {
        Binding.checkOwner(owner);
        return store.countRecoveryCodes(owner);
    }

    /** Spends the code when it is one of the owner's; spaces, a missing hyphen and case do not matter. */
    public boolean spend(String owner, String code) {
        String typed = code.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
        if (typed.length() != 2 * GROUP) {
            return false;
        }
        return store.spendRecoveryCode(owner, hasher.hashRecoveryCode(owner,
                typed.substring(0, GROUP) + "-" + typed.substring(GROUP)));
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(2 * GROUP + 1);
        for (int i = 0; i < 2 * GROUP; i++) {
            if (i == GROUP) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
