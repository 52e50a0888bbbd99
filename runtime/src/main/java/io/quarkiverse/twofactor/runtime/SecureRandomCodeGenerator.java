package io.quarkiverse.twofactor.runtime;

import java.security.SecureRandom;

import jakarta.inject.Singleton;

import io.quarkiverse.twofactor.spi.CodeGenerator;
import io.quarkus.arc.DefaultBean;

/**
 * Draws each character uniformly from the alphabet with a {@link SecureRandom} of the calling thread.
 */
@Singleton
@DefaultBean
public class SecureRandomCodeGenerator implements CodeGenerator {

    @Override
    public String generate(int length, String alphabet) {
        SecureRandom random = ThreadRandom.current();
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return code.toString();
    }
}
