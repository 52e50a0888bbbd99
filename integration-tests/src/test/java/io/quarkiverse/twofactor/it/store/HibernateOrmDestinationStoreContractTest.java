package io.quarkiverse.twofactor.it.store;

import io.quarkus.test.junit.QuarkusTest;

/** The destination store suite on the demo's database: H2, or PostgreSQL under -Ppostgresql. */
@QuarkusTest
class HibernateOrmDestinationStoreContractTest extends DestinationStoreContractSuite {

    @Override
    protected String expectedStore() {
        return "hibernate-orm";
    }
}
