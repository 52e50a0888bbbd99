package io.quarkiverse.twofactor.runtime.rest;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * Who sends the current request, as the application's security extension knows them. The build registers the one
 * implementation, {@link SecurityCallerIdentity}, only when the application has a Quarkus security extension, so that
 * nothing here loads security classes in an application without one.
 */
public interface CallerIdentity {

    /**
     * The principal name of the authenticated caller; empty for an anonymous request. With lazy authentication
     * ({@code quarkus.http.auth.proactive=false}) this may authenticate the caller, waiting on the thread, so it is for
     * worker threads only.
     */
    Optional<String> principalName();

    /** The same without waiting on the thread, for an endpoint on the event loop. */
    Uni<Optional<String>> principalNameWithoutBlocking();
}
