package io.quarkiverse.twofactor.runtime.rest.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shapes of the REST endpoints' bodies, written only to describe them to SmallRye OpenAPI: the endpoints read
 * their bodies as bytes and write maps, so that parsing and problem answers stay exactly as the guide states. Nothing
 * creates these records; keep them in step with {@code TwoFactorResource}, {@code DestinationsResource} and
 * {@code Problems}. The demo's {@code OpenApiDocumentTest} parses the document and holds real answers against it.
 */
public final class RestSchemas {

    /** The media type of every body the endpoints read and of every success they write. */
    public static final String JSON = "application/json";
    /** The media type of every error (RFC 9457). */
    public static final String PROBLEM = "application/problem+json";
    /** The operations' tag. */
    public static final String TAG = "two-factor";

    private static final String DEBUG_CODE = "The code, only with quarkus.two-factor.debug-code-response in dev "
            + "and test";
    private static final String STATUSES = "pending, confirmed, used, expired or failed";

    private RestSchemas() {
    }

    @Schema(name = "TwoFactorSender", description = "A configured sender")
    public record Sender(
            @Schema(required = true, description = "The sender's key, to name in requests") String key,
            @Schema(required = true, description = "The sender's verbose-name, or its key when none is set")
            String verboseName) {
    }

    @Schema(name = "TwoFactorOpenConfirmationRequest", description = "request-confirmation in open mode "
            + "(quarkus.two-factor.rest.mode=open): the request names the recipient and the meta")
    public record OpenConfirmationRequest(
            @Schema(required = true, maxLength = 320, description = "Where to deliver the code") String recipient,
            @Schema(description = "The sender key; absent or null: the default sender") String sender,
            @Schema(maxProperties = 16, description = "Strings stored with the confirmation; absent or null: empty")
            Map<String, String> meta) {
    }

    @Schema(name = "TwoFactorIdentityConfirmationRequest", description = "request-confirmation in identity mode "
            + "(the default): a confirmation of the signed-in caller, whose code goes to one of their verified "
            + "destinations. recipient and meta are refused, even as null")
    public record IdentityConfirmationRequest(
            @Schema(required = true, pattern = "^[a-z0-9._-]{1,64}$", description = "What the confirmation unlocks; "
                    + "verify-destination is refused") String purpose,
            @Schema(description = "The sender whose default destination receives the code; absent or null: the "
                    + "default sender") String sender,
            @Schema(format = "uuid", description = "The id of one of the caller's verified destinations to send to "
                    + "instead") String destination,
            @Schema(enumeration = { "totp", "recovery-code" }, description = "Confirm with the caller's authenticator "
                    + "app or one of their recovery codes instead: nothing is sent; sender and destination are then "
                    + "refused") String method) {
    }

    @Schema(name = "TwoFactorNewConfirmation", description = "A confirmation just made, whose code was sent")
    public record NewConfirmation(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true, description = "pending") String status,
            @Schema(required = true, description = "The key of the sender used") String sender,
            @Schema(description = "Identity mode only") String purpose,
            @Schema(required = true, format = "date-time") String expiresAt,
            @Schema(description = "Senders with delivery.mode=async only: queued, sent or failed", enumeration = {
                    "queued", "sent", "failed" }) String delivery,
            @Schema(description = DEBUG_CODE) String code) {
    }

    @Schema(name = "TwoFactorConfirmRequest", description = "A code for a confirmation")
    public record ConfirmRequest(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true, maxLength = 64, description = "The code as a string: leading zeros matter, a "
                    + "number is refused") String code) {
    }

    @Schema(name = "TwoFactorConfirmed", description = "The right code was given")
    public record Confirmed(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true, description = "confirmed, or used for a confirmation that verified a destination")
            String status,
            @Schema(required = true) boolean confirmed) {
    }

    @Schema(name = "TwoFactorConfirmation", description = "A confirmation's state")
    public record Confirmation(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true, description = STATUSES) String status,
            @Schema(required = true, nullable = true, description = "The sender key, or null when made without one")
            String sender,
            @Schema(description = "Identity mode only") String purpose,
            @Schema(required = true, format = "date-time") String expiresAt,
            @Schema(required = true) boolean confirmed,
            @Schema(required = true) Map<String, String> meta,
            @Schema(description = "Senders with delivery.mode=async only: queued, sent or failed", enumeration = {
                    "queued", "sent", "failed" }) String delivery) {
    }

    @Schema(name = "TwoFactorResendRequest", description = "The confirmation whose code to send again")
    public record ResendRequest(@Schema(required = true, format = "uuid") String id) {
    }

    @Schema(name = "TwoFactorSentCode", description = "A code was sent for the confirmation")
    public record SentCode(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true, description = "pending") String status,
            @Schema(required = true, format = "date-time") String expiresAt,
            @Schema(description = "Senders with delivery.mode=async only: queued, sent or failed", enumeration = {
                    "queued", "sent", "failed" }) String delivery,
            @Schema(description = DEBUG_CODE) String code) {
    }

    @Schema(name = "TwoFactorDestinationRequest", description = "A new destination for the caller")
    public record DestinationRequest(
            @Schema(required = true, maxLength = 320, description = "Where codes go: a phone number or an address")
            String recipient,
            @Schema(description = "The sender key; absent or null: the default sender") String sender) {
    }

    @Schema(name = "TwoFactorDestination", description = "One of the caller's places to receive codes")
    public record Destination(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true) String sender,
            @Schema(required = true, description = "Always masked, such as +1•••••4567") String recipient,
            @Schema(required = true) boolean verified,
            @Schema(name = "default", required = true, description = "Receives the caller's codes for that sender "
                    + "when a request names no destination") boolean isDefault,
            @Schema(required = true, format = "date-time") String createdAt) {
    }

    @Schema(name = "TwoFactorAddedDestination", description = "The destination, unverified, and the confirmation whose "
            + "code was sent to it; confirming that code verifies the destination")
    public record AddedDestination(
            @Schema(required = true) Destination destination,
            @Schema(required = true) SentCode confirmation) {
    }

    @Schema(name = "TwoFactorAuthenticator", description = "One of the caller's authenticator apps")
    public record Authenticator(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true) String label,
            @Schema(required = true, description = "Only verified apps confirm") boolean verified,
            @Schema(required = true, format = "date-time") String createdAt) {
    }

    @Schema(name = "TwoFactorAuthenticatorRequest", description = "A new authenticator app; the body is optional")
    public record AuthenticatorRequest(
            @Schema(maxLength = 64, description = "A name for it; absent or null: Authenticator app") String label) {
    }

    @Schema(name = "TwoFactorNewAuthenticator", description = "An app just enrolled, unverified, with its secret: "
            + "shown this once")
    public record NewAuthenticator(
            @Schema(required = true, format = "uuid") String id,
            @Schema(required = true) String label,
            @Schema(required = true, description = "false") boolean verified,
            @Schema(required = true, format = "date-time") String createdAt,
            @Schema(required = true, description = "The shared secret in Base32, to type into the app") String secret,
            @Schema(required = true, description = "The otpauth://totp/ address the QR code carries") String otpauthUri,
            @Schema(required = true, description = "The QR code, an SVG image as a data: URI") String qrCode) {
    }

    @Schema(name = "TwoFactorCodeRequest", description = "A code from an authenticator app")
    public record CodeRequest(@Schema(required = true) String code) {
    }

    @Schema(name = "TwoFactorRecoveryCodesLeft", description = "How many recovery codes the caller has left")
    public record RecoveryCodesLeft(@Schema(required = true) int remaining) {
    }

    @Schema(name = "TwoFactorIssuedRecoveryCodes", description = "Fresh recovery codes, shown this once; earlier "
            + "ones no longer work")
    public record IssuedRecoveryCodes(
            @Schema(required = true) List<String> codes,
            @Schema(required = true) int remaining) {
    }

    @Schema(name = "TwoFactorProblem", description = "An RFC 9457 problem. Match on type, not on detail, which is "
            + "meant for people")
    public record Problem(
            @Schema(required = true, format = "uri", enumeration = {
                    "urn:quarkus-two-factor:problem:invalid-request",
                    "urn:quarkus-two-factor:problem:unsupported-media-type",
                    "urn:quarkus-two-factor:problem:unknown-sender",
                    "urn:quarkus-two-factor:problem:invalid-recipient",
                    "urn:quarkus-two-factor:problem:wrong-code",
                    "urn:quarkus-two-factor:problem:not-found",
                    "urn:quarkus-two-factor:problem:unauthenticated",
                    "urn:quarkus-two-factor:problem:confirmation-required",
                    "urn:quarkus-two-factor:problem:destination-exists",
                    "urn:quarkus-two-factor:problem:destination-not-verified",
                    "urn:quarkus-two-factor:problem:no-destination",
                    "urn:quarkus-two-factor:problem:no-authenticator",
                    "urn:quarkus-two-factor:problem:not-pending",
                    "urn:quarkus-two-factor:problem:no-sender",
                    "urn:quarkus-two-factor:problem:expired",
                    "urn:quarkus-two-factor:problem:attempts-exhausted",
                    "urn:quarkus-two-factor:problem:resend-cooldown",
                    "urn:quarkus-two-factor:problem:too-many-sends",
                    "urn:quarkus-two-factor:problem:too-many-requests",
                    "urn:quarkus-two-factor:problem:sender-budget-exhausted",
                    "urn:quarkus-two-factor:problem:sender-busy",
                    "urn:quarkus-two-factor:problem:too-many-failures",
                    "urn:quarkus-two-factor:problem:recipient-rejected",
                    "urn:quarkus-two-factor:problem:sender-failed",
                    "urn:quarkus-two-factor:problem:store-unavailable",
                    "urn:quarkus-two-factor:problem:internal-error" }) String type,
            @Schema(required = true) String title,
            @Schema(required = true, description = "The HTTP status") int status,
            @Schema(required = true, description = "What went wrong, for people") String detail,
            @Schema(description = "wrong-code: wrong codes still accepted") Integer remainingAttempts,
            @Schema(description = "unknown-sender, recipient-rejected, sender-failed, sender-budget-exhausted,"
                    + " sender-busy: the sender key") String sender,
            @Schema(description = "confirmation-required: the purpose the confirmation must have") String purpose,
            @Schema(description = "not-pending: the confirmation's status now (" + STATUSES + ")")
            String confirmationStatus) {
    }
}
