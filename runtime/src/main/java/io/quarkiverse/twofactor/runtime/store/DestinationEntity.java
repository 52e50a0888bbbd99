package io.quarkiverse.twofactor.runtime.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.hibernate.annotations.JavaType;

/**
 * A user's destination in table {@code two_factor_destination}; the store reads and writes it with its own SQL
 * ({@link HibernateOrmDestinationStore}), so the entity only gives Hibernate ORM the table to create. Its DDL ships in
 * {@code META-INF/two-factor/two_factor_confirmation.sql}. The unique constraint decides duplicates, and its index,
 * which starts with the owner, serves every lookup.
 */
@Entity(name = "TwoFactorDestination")
@Table(name = "two_factor_destination", uniqueConstraints = @UniqueConstraint(name = "two_factor_destination_recipient", columnNames = {
        "owner", "sender", "recipient" }))
public class DestinationEntity {

    @Id
    public UUID id;

    /** The principal it belongs to; a user name, so it stays out of Hibernate's logs. */
    @JavaType(SecretStringJavaType.class)
    @Column(nullable = false, length = 255)
    public String owner;

    @Column(nullable = false, length = 64)
    public String sender;

    /** Personal data (a phone number or an address), kept out of Hibernate's logs. */
    @JavaType(SecretStringJavaType.class)
    @Column(nullable = false, length = 320)
    public String recipient;

    @Column(nullable = false)
    public boolean verified;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
