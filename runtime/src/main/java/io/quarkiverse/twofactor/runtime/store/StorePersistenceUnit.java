package io.quarkiverse.twofactor.runtime.store;

import java.lang.annotation.Annotation;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

import io.quarkiverse.twofactor.runtime.TwoFactorBuildTimeConfig;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.hibernate.orm.PersistenceUnit;

/**
 * The persistence unit of the {@code hibernate-orm} stores, as {@code quarkus.two-factor.hibernate-orm.persistence-unit}
 * names it: its session factory, and its session of the current transaction. Looked up by name, since the name is
 * configuration while an injection point's qualifier is fixed in the code.
 */
@Singleton
public class StorePersistenceUnit {

    private static final String DEFAULT_PERSISTENCE_UNIT = "<default>";

    private final SessionFactory sessionFactory;
    private final Session session;

    StorePersistenceUnit(TwoFactorBuildTimeConfig config, @Any InjectableInstance<SessionFactory> sessionFactories,
            @Any InjectableInstance<Session> sessions) {
        String name = config.hibernateOrm().persistenceUnit();
        // Hibernate ORM qualifies the default unit's beans as @Default and every other unit's by its name.
        Annotation unit = DEFAULT_PERSISTENCE_UNIT.equals(name) ? Default.Literal.INSTANCE
                : new PersistenceUnit.PersistenceUnitLiteral(name);
        this.sessionFactory = sessionFactories.select(unit).get();
        this.session = sessions.select(unit).get();
    }

    SessionFactory sessionFactory() {
        return sessionFactory;
    }

    /** The session of the current transaction, for HQL and for the connection it is enlisted with. */
    Session session() {
        return session;
    }
}
