package io.quarkiverse.twofactor.runtime.rest;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.Authenticators;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.Destinations;

/**
 * What guards changes to a user's ways of confirming (destinations, authenticator apps, recovery codes): the caller in
 * identity mode, and, once the user has any verified way, a confirmation for {@value #MANAGE_PURPOSE} spent by the
 * change, so that a stolen session alone can neither add its own way in nor remove the owner's.
 */
@Singleton
public class UserMethods {

    /** The purpose of the confirmation that such a change spends once the user has a verified way to confirm. */
    public static final String MANAGE_PURPOSE = "manage-destinations";

    static final String MANAGE_HEADER = "The id of a confirmed confirmation of the caller for " + MANAGE_PURPOSE
            + ", which the call spends; needed once the caller has a verified destination or authenticator app";

    private final RestCaller caller;
    private final Confirmer confirmer;
    private final Destinations destinations;
    private final Authenticators authenticators;

    @Inject
    UserMethods(RestCaller caller, Confirmer confirmer, Destinations destinations, Authenticators authenticators) {
        this.caller = caller;
        this.confirmer = confirmer;
        this.destinations = destinations;
        this.authenticators = authenticators;
    }

    /** The caller; these endpoints exist only for signed-in users, so open mode serves none. */
    String owner(String what) {
        if (!caller.identityMode()) {
            throw new ProblemException(404, "not-found", "Not found",
                    what + " are served only when quarkus.two-factor.rest.mode is identity");
        }
        return caller.authenticated();
    }

    /** The first way is added freely; after that, only with a confirmation made through a verified one. */
    void requireManageConfirmation(String owner, String header) {
        boolean hasVerified = destinations.hasVerified(owner) || authenticators.hasVerified(owner);
        if (hasVerified && !ConfirmationHeader.spend(confirmer, header, owner, MANAGE_PURPOSE)) {
            throw ProblemException.confirmationRequired(MANAGE_PURPOSE);
        }
    }
}
