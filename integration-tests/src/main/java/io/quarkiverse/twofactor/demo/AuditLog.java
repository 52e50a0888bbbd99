package io.quarkiverse.twofactor.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import io.quarkiverse.twofactor.ConfirmationEvent;

/**
 * The demo's audit trail: one line per confirmation event, written off the caller's thread. It names the confirmation,
 * what happened, whose it is and the sender; never the recipient, which the event does not carry either.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.twofactor.demo.audit");

    void write(@ObservesAsync ConfirmationEvent event) {
        LOG.infof("two-factor %s id=%s owner=%s sender=%s", event.kind(), event.id(), event.owner(), event.sender());
    }
}
