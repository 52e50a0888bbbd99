package io.quarkiverse.twofactor;

import java.util.List;

/**
 * Users' recovery codes, for the day the phone is lost: each confirms one confirmation requested with the method
 * {@link #METHOD}, for any purpose, and is then spent. They are shown once when issued and kept only as keyed hashes.
 */
public interface RecoveryCodes {

    /** The method key that asks for a confirmation confirmed with one of the owner's recovery codes. */
    String METHOD = "recovery-code";

    /** Issues a fresh set of codes for the owner, revoking all earlier ones, and returns them: the only time they show. */
    List<String> issue(String owner);

    /** How many of the owner's codes are left unspent. */
    int remaining(String owner);
}
