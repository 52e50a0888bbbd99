package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.spi.Delivery;
import io.quarkiverse.twofactor.spi.SenderBackend;
import io.quarkiverse.twofactor.spi.SenderSettings;
import io.quarkus.test.QuarkusUnitTest;

class DuplicateBackendNameTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(FirstTwin.class, SecondTwin.class))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .assertException(t -> {
                String message = TestApps.configurationErrorMessage(t);
                assertTrue(message.contains("'twin'"), message);
                assertTrue(message.contains(FirstTwin.class.getName()), message);
                assertTrue(message.contains(SecondTwin.class.getName()), message);
            });

    @Test
    void twoBackendsWithTheSameNameFailStartupNamingBothBeans() {
        fail("startup should have failed");
    }

    @Singleton
    public static class FirstTwin implements SenderBackend {

        @Override
        public String name() {
            return "twin";
        }

        @Override
        public void send(SenderSettings sender, Delivery delivery) {
        }
    }

    @Singleton
    public static class SecondTwin implements SenderBackend {

        @Override
        public String name() {
            return "twin";
        }

        @Override
        public void send(SenderSettings sender, Delivery delivery) {
        }
    }
}
