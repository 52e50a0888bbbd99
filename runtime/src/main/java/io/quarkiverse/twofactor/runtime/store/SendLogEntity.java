package io.quarkiverse.twofactor.runtime.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The recent sends to one key (a recipient) under the sliding send limit, in table {@code two_factor_send_log}.
 */
@Entity(name = "TwoFactorSendLog")
@Table(name = "two_factor_send_log")
public class SendLogEntity {

    /** A keyed hash of what the sends are limited for: the recipient. */
    @Id
    @Column(name = "send_key", length = 64)
    public String sendKey;

    /**
     * The times of the recent sends as epoch milliseconds, ascending, separated by commas ({@link SendTimes}). Sized
     * for the largest limit the store takes, 100 sends of 13 digits.
     */
    @Column(name = "sent_at", nullable = false, length = 1400)
    public String sentAt;

    /** The newest send, which the clean-up judges the log by. */
    @Column(name = "last_sent_at", nullable = false)
    public Instant lastSentAt;
}
