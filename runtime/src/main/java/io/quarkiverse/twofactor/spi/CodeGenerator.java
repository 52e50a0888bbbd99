package io.quarkiverse.twofactor.spi;

/**
 * Draws codes. The built-in one uses {@link java.security.SecureRandom}; an application replaces it by declaring its
 * own CDI bean of this type.
 */
public interface CodeGenerator {

    /**
     * A new code of {@code length} characters drawn from {@code alphabet}.
     */
    String generate(int length, String alphabet);
}
