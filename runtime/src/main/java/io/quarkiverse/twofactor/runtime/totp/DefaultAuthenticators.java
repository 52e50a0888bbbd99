package io.quarkiverse.twofactor.runtime.totp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.twofactor.Authenticator;
import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.Binding;
import io.quarkiverse.twofactor.NewAuthenticator;
import io.quarkiverse.twofactor.runtime.StoreClock;
import io.quarkiverse.twofactor.runtime.ThreadRandom;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.spi.AuthenticatorStore;
import io.quarkiverse.twofactor.spi.StoredAuthenticator;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Authenticator apps over an {@link AuthenticatorStore}: secrets are made and encrypted here, and a code is accepted
 * only when the store records its time step as the owner's newest, so no code confirms twice on any replica.
 */
@Singleton
public class DefaultAuthenticators implements Authenticators {

    static final int MAX_LABEL_LENGTH = 64;
    private static final String DEFAULT_LABEL = "Authenticator app";

    private final AuthenticatorStore store;
    private final StoreClock clock;
    private final TotpSecrets secrets;
    private final TotpCodes codes;
    private final int allowedSkew;
    private final String issuer;
    private final boolean enabled;

    @Inject
    DefaultAuthenticators(AuthenticatorStoreSelector stores, StoreClock clock, TotpSecrets secrets,
            TwoFactorConfig config, @ConfigProperty(name = "quarkus.application.name") Optional<String> applicationName) {
        TwoFactorConfig.TotpConfig totp = config.totp();
        this.store = stores.selected();
        this.clock = clock;
        this.secrets = secrets;
        this.enabled = totp.enabled();
        try {
            this.codes = new TotpCodes(totp.algorithm(), totp.digits(), totp.period());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("quarkus.two-factor.totp.digits must be 6, 7 or 8 and"
                    + " quarkus.two-factor.totp.period a whole number of seconds: " + e.getMessage());
        }
        if (totp.allowedSkew() < 0 || totp.allowedSkew() > 10) {
            throw new ConfigurationException("quarkus.two-factor.totp.allowed-skew must be between 0 and 10");
        }
        this.allowedSkew = totp.allowedSkew();
        this.issuer = totp.issuer().or(() -> applicationName).orElse("Quarkus");
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public NewAuthenticator enrol(String owner, String label) {
        Binding.checkOwner(owner);
        checkEnabled();
        String name = label == null || label.isBlank() ? DEFAULT_LABEL : label.strip();
        if (name.length() > MAX_LABEL_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("An authenticator's label has at most " + MAX_LABEL_LENGTH
                    + " characters and no control characters");
        }
        UUID id = ThreadRandom.uuid();
        byte[] secret = secrets.newSecret();
        Instant now = clock.now();
        store.create(new StoredAuthenticator(id, owner, name, secrets.encrypt(secret, id.toString()), false, now));
        String uri = OtpauthUri.of(issuer, owner, secret, codes);
        return new NewAuthenticator(new Authenticator(id, name, false, now), Base32.encode(secret), uri,
                QrCodeImage.svgDataUri(uri));
    }

    @Override
    public boolean verify(String owner, UUID id, String code) {
        Binding.checkOwner(owner);
        checkEnabled();
        Optional<StoredAuthenticator> app = store.list(owner).stream().filter(a -> a.id().equals(id)).findFirst();
        return app.isPresent() && accept(owner, List.of(app.get()), code, clock.now())
                && store.markVerified(owner, id);
    }

    /**
     * Whether {@code code} is the current code of one of the owner's verified apps, at a time step no code of the owner
     * was accepted at or after; the step is then spent.
     */
    public boolean acceptCode(String owner, String code, Instant now) {
        return enabled && accept(owner, store.list(owner).stream().filter(StoredAuthenticator::verified).toList(),
                code, now);
    }

    private boolean accept(String owner, List<StoredAuthenticator> apps, String code, Instant now) {
        long current = codes.stepAt(now);
        for (StoredAuthenticator app : apps) {
            OptionalLong step = codes.matchingStep(secrets.decrypt(app.encryptedSecret(), app.id().toString()), code,
                    current, allowedSkew);
            if (step.isPresent()) {
                return store.acceptStep(owner, step.getAsLong());
            }
        }
        return false;
    }

    @Override
    public List<Authenticator> list(String owner) {
        Binding.checkOwner(owner);
        return store.list(owner).stream()
                .map(a -> new Authenticator(a.id(), a.label(), a.verified(), a.createdAt())).toList();
    }

    @Override
    public boolean remove(String owner, UUID id) {
        Binding.checkOwner(owner);
        return store.delete(owner, id);
    }

    @Override
    public boolean hasVerified(String owner) {
        Binding.checkOwner(owner);
        return enabled && store.list(owner).stream().anyMatch(StoredAuthenticator::verified);
    }

    private void checkEnabled() {
        if (!enabled) {
            throw new IllegalStateException("Authenticator apps are off: set quarkus.two-factor.totp.enabled=true");
        }
    }
}
