package io.quarkiverse.twofactor.it.replicas;

import java.util.Map;

/** Two replicas sharing the local PostgreSQL through the Hibernate ORM store. */
class PostgresqlReplicasIT extends ReplicaPairSuite {

    @Override
    protected Map<String, String> storeProperties() {
        return Map.of("quarkus.two-factor.store", "hibernate-orm");
    }
}
