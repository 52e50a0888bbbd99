package io.quarkiverse.twofactor.runtime;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the one-time confirmation codes.
 */
@ConfigMapping(prefix = "quarkus.two-factor")
@ConfigRoot(phase = ConfigPhase.BUILD_AND_RUN_TIME_FIXED)
public interface TwoFactorBuildTimeConfig {

    /**
     * The REST endpoints.
     */
    RestConfig rest();

    /**
     * The readiness check of the store.
     */
    HealthConfig health();

    /**
     * The metrics.
     */
    MetricsConfig metrics();

    /**
     * The {@code hibernate-orm} stores.
     */
    HibernateOrmConfig hibernateOrm();

    interface HealthConfig {

        /**
         * Publishes the readiness check {@code two-factor-store} when the application has SmallRye Health: UP when the
         * confirmation store answers a cheap probe, DOWN with the reason when it does not.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface MetricsConfig {

        /**
         * Publishes the {@code two.factor.*} meters when the application has Micrometer.
         */
        @WithDefault("true")
        boolean enabled();
    }

    interface HibernateOrmConfig {

        /**
         * The persistence unit that holds the tables of the {@code hibernate-orm} stores and whose datasource they use:
         * the extension's entities join this unit at build time. By default the default persistence unit; name another
         * one, declared with {@code quarkus.hibernate-orm."name".datasource}, to keep the tables in that datasource.
         */
        @WithDefault("<default>")
        String persistenceUnit();
    }

    interface RestConfig {

        /**
         * Serves the REST endpoints that request, confirm, check and resend codes. They need Quarkus REST
         * ({@code io.quarkus:quarkus-rest}) in the application: without it, enabling them fails the build. An
         * application on RESTEasy Classic leaves them off and uses the Java API.
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * The path under which the REST endpoints are served, below {@code quarkus.rest.path}.
         */
        @WithDefault("/two-factor")
        String path();
    }
}
