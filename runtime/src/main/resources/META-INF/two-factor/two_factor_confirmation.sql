-- The tables of the Hibernate ORM confirmation, destination and authenticator stores, for schemas managed with Flyway,
-- Liquibase or by hand.
-- Written for PostgreSQL and H2; on other databases use their UUID and timestamp-with-time-zone types.
CREATE TABLE two_factor_confirmation (
    id           UUID                        NOT NULL PRIMARY KEY,
    status       VARCHAR(16)                 NOT NULL,
    sender       VARCHAR(64),
    recipient    VARCHAR(320),
    owner        VARCHAR(255),
    purpose      VARCHAR(64),
    meta         VARCHAR(16384)              NOT NULL,
    code_hash    VARCHAR(64)                 NOT NULL,
    attempts     INTEGER                     NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_sent_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP(6) WITH TIME ZONE,
    used_at      TIMESTAMP(6) WITH TIME ZONE,
    -- QUEUED, SENT or FAILED for a code delivered in the background (delivery.mode=async), else null.
    delivery     VARCHAR(8),
    -- The keyed hash the confirmation's wrong codes count under (its owner, or its recipient), so that confirming
    -- finds the failure count without a read.
    failure_subject VARCHAR(64)
);

-- Serves the clean-up of expired confirmations.
CREATE INDEX two_factor_confirmation_expires_at ON two_factor_confirmation (expires_at);

-- Sends counted per recipient (a keyed hash of it) in the current window.
CREATE TABLE two_factor_send_window (
    recipient_key VARCHAR(64)                 NOT NULL PRIMARY KEY,
    window_start  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    send_count    INTEGER                     NOT NULL
);

-- The recent sends per recipient (a keyed hash of it) under the sliding send limit: their times as epoch milliseconds,
-- ascending, separated by commas, and the newest, which the clean-up judges the row by.
CREATE TABLE two_factor_send_log (
    send_key     VARCHAR(64)                 NOT NULL PRIMARY KEY,
    sent_at      VARCHAR(1400)               NOT NULL,
    last_sent_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Wrong codes counted per owner, or per recipient for confirmations without one (a keyed hash of either), since the
-- last right code.
CREATE TABLE two_factor_failure_count (
    subject_key     VARCHAR(64)                 NOT NULL PRIMARY KEY,
    failures        INTEGER                     NOT NULL,
    last_failure_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Users' destinations: the places they proved they receive codes at. The unique constraint decides duplicates, and
-- its index, which starts with the owner, serves every lookup.
CREATE TABLE two_factor_destination (
    id         UUID                        NOT NULL PRIMARY KEY,
    owner      VARCHAR(255)                NOT NULL,
    sender     VARCHAR(64)                 NOT NULL,
    recipient  VARCHAR(320)                NOT NULL,
    verified   BOOLEAN                     NOT NULL,
    is_default BOOLEAN                     NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT two_factor_destination_recipient UNIQUE (owner, sender, recipient)
);

-- Users' authenticator apps; the secret is encrypted by the extension (AES-GCM) before it reaches the table.
CREATE TABLE two_factor_authenticator (
    id         UUID                        NOT NULL PRIMARY KEY,
    owner      VARCHAR(255)                NOT NULL,
    label      VARCHAR(64)                 NOT NULL,
    secret     VARCHAR(200)                NOT NULL,
    verified   BOOLEAN                     NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX two_factor_authenticator_owner ON two_factor_authenticator (owner);

-- The last time step an authenticator code was accepted at, per user: no code is accepted twice.
CREATE TABLE two_factor_totp_step (
    owner     VARCHAR(255) NOT NULL PRIMARY KEY,
    last_step BIGINT       NOT NULL
);

-- Users' unspent recovery codes, as keyed hashes (which cover the owner).
CREATE TABLE two_factor_recovery_code (
    code_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner     VARCHAR(255) NOT NULL
);

CREATE INDEX two_factor_recovery_code_owner ON two_factor_recovery_code (owner);
