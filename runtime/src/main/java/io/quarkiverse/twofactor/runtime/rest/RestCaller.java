package io.quarkiverse.twofactor.runtime.rest;

import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.runtime.TwoFactorConfig;
import io.quarkiverse.twofactor.runtime.TwoFactorConfig.RestMode;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.mutiny.Uni;

/**
 * How the REST endpoints know who calls, in the mode {@code quarkus.two-factor.rest.mode} sets. Checked at startup:
 * identity mode without a security extension would have no caller to bind confirmations to.
 */
@Singleton
@Startup
public class RestCaller {

    private final RestMode mode;
    private final Instance<CallerIdentity> identity;

    @Inject
    RestCaller(TwoFactorConfig config, Instance<CallerIdentity> identity) {
        this.mode = config.rest().mode();
        this.identity = identity;
        if (mode == RestMode.IDENTITY && !identity.isResolvable()) {
            throw new ConfigurationException("quarkus.two-factor.rest.mode is 'identity' (the default), which binds"
                    + " confirmations to the signed-in caller and needs a Quarkus security extension, but the application"
                    + " has none. Add one (for example quarkus-elytron-security-properties-file, quarkus-oidc or"
                    + " quarkus-smallrye-jwt), or set quarkus.two-factor.rest.mode=open if the application has no users"
                    + " and protects the endpoints itself.");
        }
    }

    /** Whether confirmations are bound to the caller. */
    boolean identityMode() {
        return mode == RestMode.IDENTITY;
    }

    /**
     * The authenticated caller's principal name, in either mode; empty for an anonymous request or an application
     * without a security extension.
     */
    Optional<String> signedIn() {
        return identity.isResolvable() ? identity.get().principalName().filter(name -> !name.isBlank())
                : Optional.empty();
    }

    /** The authenticated caller's principal name; a 401 problem for an anonymous request. */
    String authenticated() {
        return authenticated(identity.get().principalName());
    }

    /**
     * Whom the request acts for, without waiting on the thread: in identity mode the authenticated caller's principal
     * name (a 401 problem for an anonymous request), in open mode no one, a {@code null} item.
     */
    Uni<String> owner() {
        if (!identityMode()) {
            return Uni.createFrom().nullItem();
        }
        return identity.get().principalNameWithoutBlocking().map(RestCaller::authenticated);
    }

    private static String authenticated(Optional<String> principalName) {
        return principalName.filter(name -> !name.isBlank()).orElseThrow(ProblemException::unauthenticated);
    }
}
