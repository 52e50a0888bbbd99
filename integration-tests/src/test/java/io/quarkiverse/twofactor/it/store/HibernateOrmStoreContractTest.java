package io.quarkiverse.twofactor.it.store;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HibernateOrmStoreTest extends StoreContractSuite {

    @Override
    protected String expectedStore() {
        return "hibernate-orm";
    }
}
