package io.quarkiverse.twofactor.runtime.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.AuthenticatorStore;
import io.quarkiverse.twofactor.spi.StoredAuthenticator;

/**
 * Keeps authenticator apps and recovery codes in this JVM: for single-instance applications without a database, and
 * for tests. Each owner's data is one immutable value replaced inside {@link ConcurrentHashMap#compute}, which runs one
 * change per owner at a time.
 */
@Singleton
public class MemoryAuthenticatorStore implements AuthenticatorStore {


    /** An owner's apps, the last step accepted from them, and their unspent recovery code hashes. */
    private record OwnerData(List<StoredAuthenticator> apps, long lastStep, Set<String> recoveryCodes) {

        static final OwnerData NONE = new OwnerData(List.of(), Long.MIN_VALUE, Set.of());

        OwnerData withApps(List<StoredAuthenticator> changed) {
            return new OwnerData(changed, lastStep, recoveryCodes);
        }
    }

    private final Map<String, OwnerData> byOwner = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void create(StoredAuthenticator authenticator) {
        byOwner.compute(authenticator.owner(), (owner, data) -> {
            OwnerData current = data == null ? OwnerData.NONE : data;
            return current.withApps(Stream.concat(current.apps().stream(), Stream.of(authenticator))
                    .sorted(StoredAuthenticator.OLDEST_FIRST).toList());
        });
    }

    @Override
    public List<StoredAuthenticator> list(String owner) {
        return byOwner.getOrDefault(owner, OwnerData.NONE).apps();
    }

    @Override
    public boolean markVerified(String owner, UUID id) {
        boolean[] found = new boolean[1];
        byOwner.computeIfPresent(owner, (key, data) -> data.withApps(data.apps().stream().map(app -> {
            if (!app.id().equals(id)) {
                return app;
            }
            found[0] = true;
            return new StoredAuthenticator(app.id(), app.owner(), app.label(), app.encryptedSecret(), true,
                    app.createdAt());
        }).toList()));
        return found[0];
    }

    @Override
    public boolean delete(String owner, UUID id) {
        boolean[] deleted = new boolean[1];
        byOwner.computeIfPresent(owner, (key, data) -> {
            List<StoredAuthenticator> left = data.apps().stream().filter(app -> !app.id().equals(id)).toList();
            deleted[0] = left.size() < data.apps().size();
            return data.withApps(left);
        });
        return deleted[0];
    }

    @Override
    public boolean acceptStep(String owner, long step) {
        boolean[] accepted = new boolean[1];
        byOwner.compute(owner, (key, data) -> {
            OwnerData current = data == null ? OwnerData.NONE : data;
            if (current.lastStep() >= step) {
                return data;
            }
            accepted[0] = true;
            return new OwnerData(current.apps(), step, current.recoveryCodes());
        });
        return accepted[0];
    }

    @Override
    public void replaceRecoveryCodes(String owner, Set<String> codeHashes) {
        Set<String> codes = Set.copyOf(codeHashes);
        byOwner.compute(owner, (key, data) -> {
            OwnerData current = data == null ? OwnerData.NONE : data;
            return new OwnerData(current.apps(), current.lastStep(), codes);
        });
    }

    @Override
    public int countRecoveryCodes(String owner) {
        return byOwner.getOrDefault(owner, OwnerData.NONE).recoveryCodes().size();
    }

    @Override
    public boolean spendRecoveryCode(String owner, String codeHash) {
        boolean[] spent = new boolean[1];
        byOwner.computeIfPresent(owner, (key, data) -> {
            if (!data.recoveryCodes().contains(codeHash)) {
                return data;
            }
            spent[0] = true;
            Set<String> left = new HashSet<>(data.recoveryCodes());
            left.remove(codeHash);
            return new OwnerData(data.apps(), data.lastStep(), Set.copyOf(left));
        });
        return spent[0];
    }
}
