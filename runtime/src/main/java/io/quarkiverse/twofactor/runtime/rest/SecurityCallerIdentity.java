package io.quarkiverse.twofactor.runtime.rest;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The caller as Quarkus security established them for the current request (HTTP Basic, form, OIDC, JWT...).
 */
@Singleton
public class SecurityCallerIdentity implements CallerIdentity {

    // A client proxy: each call reads the identity of the request being served.
    private final SecurityIdentity identity;

    @Inject
    SecurityCallerIdentity(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Override
    public Optional<String> principalName() {
        if (identity.isAnonymous() || identity.getPrincipal() == null) {
            return Optional.empty();
        }
        return Optional.of(identity.getPrincipal().getName());
    }
}
