package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.ConfirmationEvent;
import io.quarkiverse.twofactor.ConfirmationEvent.Kind;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.runtime.CdiConfirmationEvents;
import io.quarkiverse.twofactor.runtime.ConfirmationListener;
import io.quarkus.arc.All;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application without SmallRye Health and Micrometer, as most start: it runs, fires the events, and has neither the
 * readiness check nor the meters among its beans.
 */
class WithoutHealthOrMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(Recorder.class))
            .overrideConfigKey("quarkus.two-factor.store", "memory")
            .overrideConfigKey("quarkus.two-factor.senders.\"default\".backend", "log");

    @Singleton
    static class Recorder {
        final List<ConfirmationEvent> events = new CopyOnWriteArrayList<>();

        void record(@Observes ConfirmationEvent event) {
            events.add(event);
        }
    }

    @Inject
    Confirmer confirmer;

    @Inject
    Recorder recorder;

    @Inject
    @All
    List<ConfirmationListener> listeners;

    @Inject
    BeanManager beans;

    @Test
    void eventsAreTheOnlyListenerAndNoHealthOrMetricsBeanExists() {
        assertEquals(List.of(CdiConfirmationEvents.class),
                listeners.stream().map(listener -> (Class<?>) listener.getClass()).toList());
        List<String> beanClasses = beans.getBeans(Object.class).stream().map(bean -> bean.getBeanClass().getName())
                .toList();
        assertFalse(beanClasses.contains("io.quarkiverse.twofactor.runtime.health.StoreReadinessCheck"));
        assertFalse(beanClasses.contains("io.quarkiverse.twofactor.runtime.metrics.ConfirmationMetrics"));
    }

    @Test
    void aRequestFiresRequestedThenDelivered() {
        NewConfirmation made = confirmer.request(null, "bob@example.com", Map.of());
        UUID id = made.state().id();
        assertEquals(List.of(Kind.REQUESTED, Kind.DELIVERED), recorder.events.stream()
                .filter(event -> event.id().equals(id)).map(ConfirmationEvent::kind).toList());
    }
}
