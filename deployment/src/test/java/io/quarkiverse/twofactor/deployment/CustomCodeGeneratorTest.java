package io.quarkiverse.twofactor.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.twofactor.ConfirmResult;
import io.quarkiverse.twofactor.Confirmer;
import io.quarkiverse.twofactor.NewConfirmation;
import io.quarkiverse.twofactor.spi.CodeGenerator;
import io.quarkus.test.QuarkusUnitTest;

class CustomCodeGeneratorTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(ReversedAlphabetGenerator.class))
            .withConfigurationResource(TestApps.H2_CONFIG)
            .overrideConfigKey("quarkus.two-factor.code.length", "8")
            .overrideConfigKey("quarkus.two-factor.code.alphabet", "ABCDEFGH");

    @Inject
    Confirmer confirmer;

    @Test
    void applicationCodeGeneratorReplacesTheBuiltInOne() {
        NewConfirmation made = confirmer.make(Map.of());

        assertEquals("HGFEDCBA", made.code());
        assertEquals(ConfirmResult.Outcome.CONFIRMED, confirmer.confirm(made.state().id(), "HGFEDCBA").outcome());
    }

    /** Hands out the configured alphabet backwards, cut to the configured length: never a random code. */
    @Singleton
    public static class ReversedAlphabetGenerator implements CodeGenerator {

        @Override
        public String generate(int length, String alphabet) {
            return new StringBuilder(alphabet).reverse().substring(0, length);
        }
    }
}
