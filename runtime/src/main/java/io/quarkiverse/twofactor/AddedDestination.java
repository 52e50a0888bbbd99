package io.quarkiverse.twofactor;

/**
 * A destination just added, unverified, and the confirmation whose code was sent to it.
 *
 * @param destination the new destination
 * @param confirmation the confirmation that verifies it once its code is given back
 */
public record AddedDestination(Destination destination, NewConfirmation confirmation) {
}
