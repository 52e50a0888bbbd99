package io.quarkiverse.twofactor.runtime.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.JavaType;

/**
 * An unspent recovery code in table {@code two_factor_recovery_code}, as its keyed hash (which covers the owner too, so
 * it is unique on its own). Spending is a delete, which one caller wins.
 */
@Entity(name = "TwoFactorRecoveryCode")
@Table(name = "two_factor_recovery_code", indexes = @Index(name = "two_factor_recovery_code_owner", columnList = "owner"))
public class RecoveryCodeEntity {

    @Id
    @Column(name = "code_hash", length = 64)
    public String codeHash;

    /** The principal; a user name, so it stays out of Hibernate's logs. */
    @JavaType(SecretStringJavaType.class)
    @Column(nullable = false, length = 255)
    public String owner;
}
