package io.quarkiverse.twofactor.runtime.rest;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The caller as Quarkus security established them for the current request (HTTP Basic, form, OIDC, JWT...).
 */
@Singleton
public class SecurityCallerIdentity implements CallerIdentity {

    // Client proxies: each call reads the identity of the request being served.
    private final SecurityIdentity identity;
    private final CurrentIdentityAssociation association;

    @Inject
    SecurityCallerIdentity(SecurityIdentity identity, CurrentIdentityAssociation association) {
        this.identity = identity;
        this.association = association;
    }

    @Override
    public Optional<String> principalName() {
        return nameOf(identity);
    }

    @Override
    public Uni<Optional<String>> principalNameWithoutBlocking() {
        // Already authenticated, proactive authentication's default, this is the identity at once; with lazy
        // authentication it authenticates the caller without waiting, where reading the identity would refuse an
        // event-loop thread.
        return association.getDeferredIdentity().map(SecurityCallerIdentity::nameOf);
    }

    private static Optional<String> nameOf(SecurityIdentity identity) {
        if (identity.isAnonymous() || identity.getPrincipal() == null) {
            return Optional.empty();
        }
        return Optional.of(identity.getPrincipal().getName());
    }
}
