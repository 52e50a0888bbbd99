package io.quarkiverse.twofactor.runtime.store;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.JavaType;

/**
 * A user's authenticator app in table {@code two_factor_authenticator}; the store reads and writes it with its own SQL
 * ({@link HibernateOrmAuthenticatorStore}), so the entity only gives Hibernate ORM the table to create. Its DDL ships in
 * {@code META-INF/two-factor/two_factor_confirmation.sql}.
 */
@Entity(name = "TwoFactorAuthenticator")
@Table(name = "two_factor_authenticator", indexes = @Index(name = "two_factor_authenticator_owner", columnList = "owner"))
public class AuthenticatorEntity {

    @Id
    public UUID id;

    /** The principal it belongs to; a user name, so it stays out of Hibernate's logs. */
    @JavaType(SecretStringJavaType.class)
    @Column(nullable = false, length = 255)
    public String owner;

    @Column(nullable = false, length = 64)
    public String label;

    /** The shared secret, AES-GCM encrypted and Base64-encoded; kept out of Hibernate's logs all the same. */
    @JavaType(SecretStringJavaType.class)
    @Column(nullable = false, length = 200)
    public String secret;

    @Column(nullable = false)
    public boolean verified;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
