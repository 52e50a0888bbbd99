package io.quarkiverse.twofactor.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.quarkiverse.twofactor.runtime.store.redis.RedisStoreConfig;
import io.quarkiverse.twofactor.runtime.totp.TotpAlgorithm;
import io.quarkus.runtime.annotations.ConfigDocMapKey;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Runtime configuration of the one-time confirmation codes.
 */
@ConfigMapping(prefix = "quarkus.two-factor")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface TwoFactorConfig {

    /**
     * How codes are made and stored.
     */
    CodeConfig code();

    /**
     * How long a confirmation stays valid after it is made or its code is resent.
     */
    @WithDefault("10M")
    Duration ttl();

    /**
     * How many wrong codes a confirmation accepts. When the count is reached the confirmation becomes
     * {@code failed} and even the right code no longer confirms it.
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * Resending codes.
     */
    ResendConfig resend();

    /**
     * The sender used when a request names none; it must be one of the keys under {@code senders}.
     */
    @WithDefault("default")
    String defaultSender();

    /**
     * The senders, by key. The key is what requests name in their {@code sender} field.
     */
    @ConfigDocMapKey("sender-key")
    Map<String, SenderConfig> senders();

    /**
     * The languages of the senders' messages.
     */
    MessagesConfig messages();

    /**
     * The test outbox.
     */
    OutboxConfig outbox();

    /**
     * Where confirmations are kept: {@code hibernate-orm}, {@code memory}, {@code redis}, or the name of an
     * application bean implementing {@code io.quarkiverse.twofactor.spi.ConfirmationStore}. By default
     * {@code hibernate-orm} when Hibernate ORM is in the application; otherwise {@code memory} in dev and test mode,
     * while a production start fails until a store is chosen (set {@code memory} to keep confirmations in memory).
     */
    Optional<String> store();

    /**
     * Users' destinations: the places they proved they receive codes at.
     */
    DestinationsConfig destinations();

    /**
     * Authenticator apps: codes computed by an app on the user's phone (TOTP, RFC 6238) instead of sent.
     */
    TotpConfig totp();

    /**
     * Where users' authenticator apps and recovery codes are kept.
     */
    AuthenticatorsConfig authenticators();

    /**
     * The in-memory store.
     */
    MemoryStoreConfig memory();

    /**
     * The Redis store.
     */
    RedisStoreConfig redis();

    /**
     * Limits on sends, shared by every replica using the same store.
     */
    LimitsConfig limits();

    /**
     * Deleting expired confirmations.
     */
    CleanupConfig cleanup();

    /**
     * Adds the plain code to the REST responses of {@code request-confirmation} and {@code resend}, so that
     * a developer can try the flow without a phone. Honoured only in dev and test launch modes; in
     * production it is ignored with a warning.
     */
    @WithDefault("false")
    boolean debugCodeResponse();

    /**
     * The REST endpoints, when {@code quarkus.two-factor.rest.enabled} serves them.
     */
    RestRuntimeConfig rest();

    interface RestRuntimeConfig {

        /**
         * Whose confirmations the REST endpoints serve. {@code identity} binds every confirmation to the signed-in
         * caller and sends codes only to the caller's verified destinations; it needs a Quarkus security extension.
         * {@code open} serves anyone and sends codes wherever a request says, for applications without users that
         * protect the endpoints themselves.
         */
        @WithDefault("identity")
        RestMode mode();
    }

    enum RestMode {
        /**
         * Every endpoint needs an authenticated caller; confirmations belong to the caller and codes go only to the
         * caller's verified destinations.
         */
        IDENTITY,
        /**
         * No caller is needed: requests name the recipient and the meta, and any confirmation id can be checked,
         * confirmed and resent.
         */
        OPEN
    }

    interface CodeConfig {

        /**
         * Number of characters in a code, from 4 to 64.
         */
        @WithDefault("6")
        int length();

        /**
         * The characters a code is drawn from: at least 2, each once.
         */
        @WithDefault("0123456789")
        String alphabet();

        /**
         * The secret key of the HMAC-SHA-256 under which codes are stored; at least 32 characters.
         * Every replica sharing a store needs the same key. Required in production; in dev and test
         * a random key is made at startup when it is missing.
         */
        Optional<String> hashKey();
    }

    interface ResendConfig {

        /**
         * The least time between two sends of a code for the same confirmation.
         */
        @WithDefault("30S")
        Duration cooldown();
    }

    interface SenderConfig {

        /**
         * The backend that delivers this sender's codes: {@code twilio} (with the extension
         * {@code io.quarkiverse.twofactor:quarkus-two-factor-twilio}), {@code email} (with
         * {@code io.quarkiverse.twofactor:quarkus-two-factor-email}), {@code log} (dev and test only), or the name of an
         * application bean implementing {@code io.quarkiverse.twofactor.spi.SenderBackend}.
         */
        String backend();

        /**
         * A human-readable name for this sender (for example "Text message"), for applications that let users
         * choose; backends and applications read it from {@code SenderSettings}, and the REST {@code senders} endpoint
         * lists it (the key when it is not set).
         */
        Optional<String> verboseName();

        /**
         * The text delivered (for e-mail, the text part), in the default language, as a Qute template. Placeholders:
         * <code>{code}</code>, <code>{minutes}</code> (minutes until expiry), <code>{app}</code>
         * ({@code quarkus.application.name}) and <code>{meta.NAME}</code> (an entry of the confirmation's meta); an
         * unknown one fails startup.
         */
        @WithDefault("Your code is {code}. It expires in {minutes} minutes.")
        String message();

        /**
         * The subject, for backends whose messages have one (e-mail). Same placeholders as {@code message}.
         */
        @WithDefault("Your confirmation code")
        String subject();

        /**
         * The HTML body, for backends that send one (e-mail), as a Qute template with the same placeholders as
         * {@code message}; every value is HTML-escaped. When it is not set, the HTML body is the message as one
         * escaped paragraph.
         */
        Optional<String> html();

        /**
         * Retries of transient delivery failures.
         */
        RetryConfig retry();

        /**
         * How many of this sender's deliveries may run at once, how many may wait, and whether requests wait for them.
         */
        DeliveryConfig delivery();

        /**
         * A budget on this sender's sends, to cap what its provider bills.
         */
        SenderLimitsConfig limits();

        /**
         * Free options handed to the backend as they are.
         */
        @ConfigDocMapKey("option")
        Map<String, String> options();
    }

    interface RetryConfig {

        /**
         * How many times a delivery is tried in all when the backend reports a transient failure (for the built-in
         * backends: connection refused, timeout, HTTP 429 or 5xx, SMTP 4xx). Permanent failures are never retried.
         * Not to be confused with {@code quarkus.two-factor.max-attempts}, which counts wrong codes.
         */
        @WithDefault("3")
        int maxAttempts();

        /**
         * The wait before the first retry; it doubles before each further one. Each wait is drawn at random between
         * half of it and all of it, so that deliveries that failed together do not all retry at the same moment.
         */
        @WithDefault("200MS")
        Duration initialDelay();
    }

    interface DeliveryConfig {

        /**
         * {@code sync}: {@code request-confirmation} and {@code resend} return once the code is delivered, or fail
         * with the delivery. {@code async}: they return once the confirmation is stored and its delivery queued
         * ({@code 202} over REST), and the confirmation's {@code delivery} then says {@code queued}, {@code sent} or
         * {@code failed}; a few platform threads of this sender deliver the queued codes.
         */
        @WithDefault("sync")
        DeliveryMode mode();

        /**
         * How many deliveries of this sender may be in flight at once. In {@code sync} mode each holds the request's
         * worker thread, so this also caps the worker threads a provider that stops answering can hold; the default
         * leaves most of Quarkus's worker pool to the rest of the application while a healthy provider, which answers
         * within a second, still takes dozens of codes a second.
         */
        @WithDefault("16")
        int maxConcurrent();

        /**
         * How many deliveries may wait for one of the {@code max-concurrent} places. Beyond that, requests and resends
         * are refused before anything is made or counted ({@code 503} problem {@code sender-busy} over REST, with
         * {@code Retry-After}). By default 48 in {@code sync} mode, where a waiting request holds a worker thread: room
         * for a burst of requests to a healthy provider, while one that stops answering holds at most
         * {@code max-concurrent} plus these worker threads; 0 refuses at once whenever every place is taken. By default
         * 64 in {@code async} mode, where a queued delivery holds no thread. A request waiting in {@code sync} mode
         * waits no longer than {@code deadline}.
         */
        OptionalInt maxQueued();

        /**
         * The most time one delivery may take, from the moment it is queued or its request arrives to its last try:
         * no retry starts after it, and a delivery still waiting for a place then fails. A single try is bounded by
         * its backend's own timeouts instead (for {@code twilio}, {@code twilio.connect-timeout} and
         * {@code twilio.read-timeout}).
         */
        @WithDefault("30S")
        Duration deadline();
    }

    enum DeliveryMode {
        /** The request waits for the delivery. */
        SYNC,
        /** The request returns once the delivery is queued. */
        ASYNC
    }

    interface SenderLimitsConfig {

        /**
         * How many codes this sender may send per {@code window}, to all recipients together, requests and resends
         * alike; every replica sharing the store shares the budget. Over it, requests and resends through this sender are
         * refused ({@code 503} problem {@code sender-budget-exhausted} over REST), nothing is sent, and an ERROR is
         * logged once per window. Not set: no budget.
         */
        OptionalInt maxSends();

        /**
         * The length of the window {@code max-sends} counts in. The window is fixed: it starts with the first send
         * counted in it.
         */
        @WithDefault("1D")
        Duration window();
    }

    interface DestinationsConfig {

        /**
         * Where users' destinations are kept: {@code hibernate-orm}, {@code memory}, {@code redis}, or the name of an
         * application bean implementing {@code io.quarkiverse.twofactor.spi.DestinationStore} (for example one that
         * reads them from the application's own user table). By default the store that keeps confirmations, as
         * {@code quarkus.two-factor.store} selects it.
         */
        Optional<String> store();
    }

    interface TotpConfig {

        /**
         * Lets users enrol authenticator apps and confirm with their codes. Off by default: when on, production needs
         * {@code quarkus.two-factor.totp.encryption-key}.
         */
        @WithDefault("false")
        boolean enabled();

        /**
         * The name the app shows above the user's account, such as your service's name. By default
         * {@code quarkus.application.name}.
         */
        Optional<String> issuer();

        /**
         * The HMAC the codes are computed with. Every common app supports {@code sha1}; some ignore the others.
         */
        @WithDefault("sha1")
        TotpAlgorithm algorithm();

        /**
         * How many digits a code has: 6, 7 or 8.
         */
        @WithDefault("6")
        int digits();

        /**
         * How long each code lasts, in whole seconds.
         */
        @WithDefault("30S")
        Duration period();

        /**
         * How many periods before and after the current one still count, for phones whose clocks drift.
         */
        @WithDefault("1")
        int allowedSkew();

        /**
         * Encrypts the apps' secrets in the store (AES-256-GCM under a key derived from this text): at least 32
         * characters, random, the same on every replica, kept in a secret store. Required in production when
         * {@code enabled}; in dev and test mode a random key is made for each run, with a warning. Changing it makes
         * every enrolled app unusable.
         */
        Optional<String> encryptionKey();
    }

    interface AuthenticatorsConfig {

        /**
         * Where users' authenticator apps and recovery codes are kept: {@code hibernate-orm}, {@code memory},
         * {@code redis}, or the name of an application bean implementing
         * {@code io.quarkiverse.twofactor.spi.AuthenticatorStore}. By default the store that keeps confirmations.
         */
        Optional<String> store();
    }

    interface MemoryStoreConfig {

        /**
         * The most confirmations kept. When full, expired ones are dropped first, then the oldest.
         */
        @WithDefault("100000")
        int maxEntries();
    }

    interface LimitsConfig {

        /**
         * How many codes one recipient may be sent per window, requests and resends together: at most this many in
         * any interval of length {@code window}, a sliding window rather than a fixed one. At most 100.
         */
        @WithDefault("5")
        int sendsPerWindow();

        /**
         * The length of the sliding window {@code sends-per-window} counts in: a send stops counting this long after
         * it was made.
         */
        @WithDefault("10M")
        Duration window();

        /**
         * How many {@code request-confirmation} and {@code resend} calls, and additions of a destination, one
         * authenticated caller may make over REST per {@code caller-window}, counted by principal name. Over it the
         * endpoints answer {@code 429} problem {@code too-many-requests} with {@code Retry-After}.
         */
        @WithDefault("20")
        int requestsPerPrincipal();

        /**
         * How many of the same calls one client address may make per {@code caller-window} when the caller is not
         * authenticated. Not set (the default): anonymous callers are not limited by address, since behind a proxy that
         * Quarkus does not trust every caller has the proxy's address. The address is the one Quarkus reports, which
         * follows {@code Forwarded} and {@code X-Forwarded-For} headers only when
         * {@code quarkus.http.proxy.proxy-address-forwarding} and {@code quarkus.http.proxy.trusted-proxies} say so.
         */
        OptionalInt requestsPerAddress();

        /**
         * The length of the window {@code requests-per-principal} and {@code requests-per-address} count in.
         */
        @WithDefault("10M")
        Duration callerWindow();

        /**
         * How many wrong codes the owner of a confirmation (or, for one made without an owner, its recipient) may give
         * across all their confirmations without a right one in between. Then new confirmations for them, and confirms
         * of their pending ones, are refused until {@code failure-lockout} has passed since the last wrong code. From 1
         * to 100, the most NIST SP 800-63B allows.
         */
        @WithDefault("20")
        int maxConsecutiveFailures();

        /**
         * How long an owner or recipient stays locked out after the wrong code that reached
         * {@code max-consecutive-failures}; wrong codes further apart than this do not add up.
         */
        @WithDefault("1H")
        Duration failureLockout();
    }

    interface CleanupConfig {

        /**
         * Deletes expired confirmations periodically.
         */
        @WithDefault("true")
        boolean enabled();

        /**
         * How long an expired confirmation is kept before it is deleted.
         */
        @WithDefault("24H")
        Duration retention();

        /**
         * How often the clean-up runs.
         */
        @WithDefault("1H")
        Duration interval();

        /**
         * How many confirmations one delete statement removes at most, so that a large backlog never locks the
         * table for long.
         */
        @WithDefault("1000")
        int batchSize();
    }

    interface OutboxConfig {

        /**
         * Records deliveries in the injectable {@code io.quarkiverse.twofactor.Outbox} instead of handing them to the
         * senders' backends, so that an application's tests can read the codes. Honoured only in dev and test launch
         * modes; in production it is ignored with a warning.
         */
        @WithDefault("false")
        boolean enabled();
    }

    interface MessagesConfig {

        /**
         * The language of the built-in texts and of each sender's {@code message}, {@code subject} and {@code html}: a
         * request in this language, or in a language the application does not offer, gets them.
         */
        @WithDefault("en")
        String defaultLanguage();

        /**
         * The other languages offered, as language tags (for example {@code de} or {@code pt-BR}). Each needs the
         * file {@code two-factor/messages_TAG.properties} on the class path (in {@code src/main/resources}), UTF-8,
         * with the keys {@code message}, {@code subject} and {@code html} for every sender and
         * {@code "sender-key".message} (and so on) for one sender; a text it leaves out is the sender's text in the
         * default language (for {@code html}: its message in this language, as one escaped paragraph).
         */
        Optional<List<String>> languages();
    }
}
