package io.quarkiverse.twofactor.runtime.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.JavaType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkiverse.twofactor.DeliveryStatus;
import io.quarkiverse.twofactor.Status;

/**
 * A confirmation in table {@code two_factor_confirmation}. Its DDL ships as
 * {@code META-INF/two-factor/two_factor_confirmation.sql}.
 */
@Entity(name = "TwoFactorConfirmation")
@Table(name = "two_factor_confirmation", indexes = @Index(name = "two_factor_confirmation_expires_at", columnList = "expires_at"))
public class ConfirmationEntity {

    @Id
    public UUID id;

    // A plain string column on every database, so the shipped DDL needs no native enum type.
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(length = 64)
    public String sender;

    /** Personal data (a phone number or an address), kept out of Hibernate's logs like the code hash. */
    @JavaType(SecretStringJavaType.class)
    @Column(length = 320)
    public String recipient;

    /** The principal the confirmation belongs to, or null; a user name, so it stays out of the logs too. */
    @JavaType(SecretStringJavaType.class)
    @Column(length = 255)
    public String owner;

    /** The action the confirmation unlocks, or null. */
    @Column(length = 64)
    public String purpose;

    /** The application's meta as a JSON object; it may name the user, so it stays out of the logs too. */
    @JavaType(SecretStringJavaType.class)
    @Column(nullable = false, length = 16384)
    public String meta;

    /** Kept out of Hibernate's logs, which would otherwise print it at every flush with logging at DEBUG. */
    @JavaType(SecretStringJavaType.class)
    @Column(name = "code_hash", nullable = false, length = 64)
    public String codeHash;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "last_sent_at", nullable = false)
    public Instant lastSentAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "used_at")
    public Instant usedAt;

    /** Where the code's background delivery is; null for a code delivered while the request waited. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 8)
    public DeliveryStatus delivery;

    /**
     * The keyed hash of the owner, or of the recipient when there is none, that wrong codes count against; written at
     * creation so that confirming on PostgreSQL finds the failure count in the same statement. Null on other databases.
     */
    @JavaType(SecretStringJavaType.class)
    @Column(name = "failure_subject", length = 64)
    public String failureSubject;
}
