package io.quarkiverse.twofactor.email;

import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Strict parsing of the addresses the {@code email} backend writes into the envelope and the headers.
 */
final class EmailAddresses {

    private EmailAddresses() {
    }

    /**
     * The one bare address {@code text} is, such as {@code alice@example.com}: no display name, comment, group, list
     * or surrounding spaces, and an {@code @domain} part.
     */
    static Optional<InternetAddress> bare(String text) {
        return single(text).filter(address -> address.getPersonal() == null && text.equals(address.getAddress()));
    }

    /**
     * The one address {@code text} is, which may carry a display name: {@code Acme <no-reply@acme.example>}.
     */
    static Optional<InternetAddress> single(String text) {
        if (text == null || text.isBlank() || text.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        try {
            InternetAddress[] parsed = InternetAddress.parse(text, true);
            if (parsed.length != 1 || parsed[0].isGroup()) {
                return Optional.empty();
            }
            parsed[0].validate();
            return Optional.of(parsed[0]);
        } catch (AddressException e) {
            return Optional.empty();
        }
    }
}
