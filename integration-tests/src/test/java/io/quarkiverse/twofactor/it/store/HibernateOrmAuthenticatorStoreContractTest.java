package io.quarkiverse.twofactor.it.store;

import io.quarkus.test.junit.QuarkusTest;

/** The authenticator store suite on the demo's database: H2, or PostgreSQL under -Ppostgresql. */
@QuarkusTest
class HibernateOrmAuthenticatorStoreContractTest extends AuthenticatorStoreContractSuite {

    @Override
    protected String expectedStore() {
        return "hibernate-orm";
    }
}
