package io.quarkiverse.twofactor.runtime.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JavaType;

/**
 * The last time step whose authenticator code was accepted from a user, in table {@code two_factor_totp_step}: a code
 * is accepted only for a later step, which one conditional update decides.
 */
@Entity(name = "TwoFactorTotpStep")
@Table(name = "two_factor_totp_step")
public class TotpStepEntity {

    /** The principal; a user name, so it stays out of Hibernate's logs. */
    @Id
    @JavaType(SecretStringJavaType.class)
    @Column(length = 255)
    public String owner;

    @Column(name = "last_step", nullable = false)
    public long lastStep;
}
