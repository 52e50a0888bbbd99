package io.quarkiverse.twofactor.it.faults;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the application's datasource at a {@link TcpProxy} in front of the local PostgreSQL. */
public class DatabaseProxyResource implements QuarkusTestResourceLifecycleManager {

    static TcpProxy proxy;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy(5432);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + proxy.port()
                        + "/test?connectTimeout=2&socketTimeout=3",
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
