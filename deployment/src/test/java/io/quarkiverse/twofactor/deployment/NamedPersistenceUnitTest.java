package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.twofactor.ConfirmResult.Outcome;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.runtime.StoreSelector;
import io.quarkiverse.twofactor.runtime.store.HibernateOrmConfirmationStore;
import io.quarkus.agroal.DataSource.DataSourceLiteral;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.two-factor.hibernate-orm.persistence-unit} puts the store's tables in a named persistence unit, on its
 * own datasource, and the store reads and writes there; the default persistence unit keeps the application's own entity
 * and gets none of the store's tables. With named units, Hibernate ORM wants each unit's packages named.
 */
class NamedPersistenceUnitTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.devservices.enabled", "false")
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:named-pu-default;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.\"security\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"security\".jdbc.url",
                    "jdbc:h2:mem:named-pu-security;DB_CLOSE_DELAY=-1")
            .withApplicationRoot(jar -> jar.addClasses(Account.class))
            .overrideConfigKey("quarkus.hibernate-orm.packages", Account.class.getPackageName())
            .overrideConfigKey("quarkus.hibernate-orm.schema-management.strategy", "drop-and-create")
            .overrideConfigKey("quarkus.hibernate-orm.\"security\".datasource", "security")
            .overrideConfigKey("quarkus.hibernate-orm.\"security\".packages", "io.quarkiverse.twofactor.twofactortables")
            .overrideConfigKey("quarkus.hibernate-orm.\"security\".schema-management.strategy", "drop-and-create")
            .overrideConfigKey("quarkus.two-factor.hibernate-orm.persistence-unit", "security");

    @Inject
    Confirmer confirmer;

    @Inject
    StoreSelector stores;

    @Inject
    AgroalDataSource defaultDataSource;

    @Test
    void confirmationsAreKeptInTheNamedPersistenceUnitsDatabase() throws SQLException {
        assertInstanceOf(HibernateOrmConfirmationStore.class, stores.selected());
        NewConfirmation made = confirmer.make(Map.of());
        UUID id = made.state().id();
        assertEquals(Outcome.CONFIRMED, confirmer.confirm(id, made.code()).outcome());

        DataSource security = Arc.container().select(AgroalDataSource.class, new DataSourceLiteral("security")).get();
        assertEquals("CONFIRMED", statusOf(security, id));
    }

    @Test
    void theDefaultDatasourceHasTheApplicationsTableAndNoneOfTheStore() throws SQLException {
        try (Connection connection = defaultDataSource.getConnection()) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "ACCOUNT", null)) {
                assertTrue(tables.next(), "the application's table in the default datasource");
            }
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "TWO_FACTOR_%", null)) {
                assertFalse(tables.next(), "a two-factor table in the default datasource");
            }
        }
    }

    /** The application's own entity, in the default persistence unit. */
    @Entity(name = "Account")
    public static class Account {

        @Id
        public Long id;
    }

    private static String statusOf(DataSource dataSource, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status FROM two_factor_confirmation WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
