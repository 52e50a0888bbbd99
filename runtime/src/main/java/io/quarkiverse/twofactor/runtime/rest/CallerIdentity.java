package io.quarkiverse.twofactor.runtime.rest;

import java.util.Optional;

/**
 * Who sends the current request, as the application's security extension knows them. The build registers the one
 * implementation, {@link SecurityCallerIdentity}, only when the application has a Quarkus security extension, so that
 * nothing here loads security classes in an application without one.
 */
public interface CallerIdentity {

    /** The principal name of the authenticated caller; empty for an anonymous request. */
    Optional<String> principalName();
}
