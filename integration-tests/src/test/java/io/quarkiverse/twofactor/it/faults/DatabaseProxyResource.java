package io.quarkiverse.twofactor.it.faults;

import java.util.Map;

import io.quarkiverse.twofactor.it.TestDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the application's datasource at a {@link TcpProxy} in front of the suite's PostgreSQL database. */
public class DatabaseProxyResource implements QuarkusTestResourceLifecycleManager {

    static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy(TestDatabase.port());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", TestDatabase.through(proxy.port(), "connectTimeout=2&socketTimeout=3"),
                "quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }

    @Override
    public void stop() {
        try {
            proxy.close();
        } catch (java.io.IOException e) {
            // closing anyway
        }
    }
}
