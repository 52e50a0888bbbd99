package io.quarkiverse.twofactor.runtime.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The wrong codes counted against one owner or recipient since their last right one, in table
 * {@code two_factor_failure_count}.
 */
@Entity(name = "TwoFactorFailureCount")
@Table(name = "two_factor_failure_count")
public class FailureCountEntity {

    /** A keyed hash of the owner, or of the recipient. */
    @Id
    @Column(name = "subject_key", length = 64)
    public String subjectKey;

    @Column(name = "failures", nullable = false)
    public int failures;

    @Column(name = "last_failure_at", nullable = false)
    public Instant lastFailureAt;
}
