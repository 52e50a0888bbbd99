package io.quarkiverse.twofactor.it.store;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HibernateOrmStoreContractTest extends StoreContractSuite {

    @Override
    protected String expectedStore() {
        return "hibernate-orm";
    }
}
