package io.quarkiverse.twofactor.runtime.store;

import org.hibernate.type.descriptor.java.StringJavaType;

/**
 * A string column whose value Hibernate leaves out of its logs. At DEBUG, Hibernate lists the state of every entity in
 * the session at each flush, and at TRACE it logs every bound parameter; both show this column as {@code <secret>}.
 */
public class SecretStringJavaType extends StringJavaType {

    @Override
    public String extractLoggableRepresentation(String value) {
        return value == null ? "null" : "<secret>";
    }
}
