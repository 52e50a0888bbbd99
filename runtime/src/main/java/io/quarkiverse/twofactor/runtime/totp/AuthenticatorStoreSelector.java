package io.quarkiverse.twofactor.runtime.totp;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.runtime.FollowingStore;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.spi.AuthenticatorStore;
import io.quarkus.arc.All;

/**
 * Picks the authenticator store named by {@code quarkus.two-factor.authenticators.store}, or else the one with the name
 * of the confirmation store; a name no bean has fails startup.
 */
@Singleton
public class AuthenticatorStoreSelector {

    static final String PROPERTY = "quarkus.two-factor.authenticators.store";

    private final AuthenticatorStore selected;

    @Inject
    AuthenticatorStoreSelector(TwoFactorConfig config, StoreSelector confirmationStores,
            @All List<AuthenticatorStore> stores) {
        selected = FollowingStore.select(PROPERTY, config.authenticators().store(), confirmationStores, stores,
                AuthenticatorStore::name, "Authenticator apps and recovery codes", AuthenticatorStore.class);
    }

    public AuthenticatorStore selected() {
        return selected;
    }
}
