package io.quarkiverse.twofactor.runtime.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The sends counted for one recipient in its current window, in table {@code two_factor_send_window}.
 */
@Entity(name = "TwoFactorSendWindow")
@Table(name = "two_factor_send_window")
public class SendWindowEntity {

    /** A keyed hash of the recipient. */
    @Id
    @Column(name = "recipient_key", length = 64)
    public String recipientKey;

    @Column(name = "window_start", nullable = false)
    public Instant windowStart;

    @Column(name = "send_count", nullable = false)
    public int sendCount;
}
