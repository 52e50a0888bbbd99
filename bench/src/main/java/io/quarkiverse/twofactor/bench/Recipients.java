package io.quarkiverse.twofactor.bench;

import java.util.concurrent.atomic.AtomicLong;

/** A new recipient for every flow, so that the per-recipient send limit never refuses one. */
final class Recipients {

    private static final AtomicLong NEXT = new AtomicLong(System.currentTimeMillis());

    private Recipients() {
    }

    static String next() {
        return "user-" + NEXT.incrementAndGet() + "@bench.example";
    }
}
