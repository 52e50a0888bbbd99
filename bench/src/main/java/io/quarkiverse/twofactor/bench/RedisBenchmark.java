package io.quarkiverse.twofactor.bench;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Redis's ceiling for the Redis store: {@code redis-benchmark} runs each command the store sends for one flow, with the
 * store's own Lua scripts, at the same client count. A flow sends each command once, so its time on the server is the
 * sum of the commands' times: flows per second are {@code 1 / Σ (1 / requests per second of command i)}, and a flow's
 * latency percentiles are the sums of the commands' own.
 *
 * <p>
 * Commands that read or change a confirmation need one in the state the flow finds it in: before each client count,
 * {@link #KEYS_PER_STATE} pending and as many confirmed confirmations are written under this benchmark's own prefix, and
 * each of those commands picks among them at random ({@code __rand_int__}), {@link #REQUESTS_PER_COMMAND} times, so
 * that few picks find one a previous pick already changed. The other keys (a new recipient's send log and failure
 * count, a new confirmation) are picked from a range so wide that nearly every pick is a new key, as in the flow.
 */
final class RedisBenchmark {

    static final int KEYS_PER_STATE = 200_000;
    static final int REQUESTS_PER_COMMAND = 20_000;

    private static final String PREFIX = "bench:redis-benchmark:";
    private static final String NEW_KEY = "__rand_int__";
    private static final int WIDE_RANGE = 2_000_000_000;
    private static final int SETUP_BATCH = 20_000;
    private static final String CODE_HASH = "0".repeat(64);

    /** Writes confirmations numbered as redis-benchmark numbers keys, in one state, expiring when this run is long over. */
    private static final String SETUP = """
            for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do
              local key = ARGV[3] .. string.format('%012d', i)
              redis.call('HSET', key, 'status', ARGV[4], 'sender', 'default', 'recipient', 'user@bench.example',
                'meta', '{}', 'codeHash', ARGV[5], 'attempts', '0', 'createdAt', ARGV[6], 'expiresAt', ARGV[7],
                'lastSentAt', ARGV[6])
              redis.call('PEXPIREAT', key, ARGV[7])
            end
            return 0
            """;

    /** One command of the flow: what redis-benchmark sends, and how many keys its {@code __rand_int__} ranges over. */
    private record Command(String description, List<String> words, int keyRange) {
    }

    private final String host;
    private final int port;

    RedisBenchmark(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Stops the benchmark early, with a clear message, when the Redis tools are not installed. */
    static void requireTools() {
        for (String tool : List.of("redis-benchmark", "redis-cli")) {
            try {
                new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(tool + " is not on the path: install Debian's redis-tools", e);
            }
        }
    }

    LoadResult run(int clients) throws Exception {
        long now = System.currentTimeMillis();
        String expiresAt = String.valueOf(now + 300_000);
        String pending = PREFIX + "pending:";
        String confirmed = PREFIX + "confirmed:";
        write(pending, "PENDING", now, expiresAt);
        write(confirmed, "CONFIRMED", now, expiresAt);
        String at = String.valueOf(now);
        List<Command> flow = List.of(
                // request: the recipient's failure count, its send log, the new confirmation
                new Command("HGETALL failure count", List.of("HGETALL", PREFIX + "f:" + NEW_KEY), WIDE_RANGE),
                script("COUNT_RECENT_SEND", PREFIX + "l:" + NEW_KEY, WIDE_RANGE, "5", "600000", at, "m"),
                script("CREATE", PREFIX + "c:" + NEW_KEY, WIDE_RANGE, expiresAt, "status", "PENDING", "sender", "default",
                        "recipient", "user@bench.example", "meta", "{}", "codeHash", CODE_HASH, "attempts", "0",
                        "createdAt", at, "expiresAt", expiresAt, "lastSentAt", at),
                // confirm: the confirmation, the failure count, the confirming script
                new Command("HGETALL confirmation", List.of("HGETALL", pending + NEW_KEY), KEYS_PER_STATE),
                new Command("HGETALL failure count", List.of("HGETALL", PREFIX + "f:" + NEW_KEY), WIDE_RANGE),
                script("CONFIRM", pending + NEW_KEY, KEYS_PER_STATE, CODE_HASH, "5", at),
                // use: the confirmation, the using script
                new Command("HGETALL confirmation", List.of("HGETALL", confirmed + NEW_KEY), KEYS_PER_STATE),
                script("USE", confirmed + NEW_KEY, KEYS_PER_STATE, at));
        double secondsPerFlow = 0;
        double p50 = 0;
        double p99 = 0;
        for (Command command : flow) {
            String[] csv = benchmark(clients, command);
            secondsPerFlow += 1 / Double.parseDouble(csv[1]);
            p50 += Double.parseDouble(csv[4]);
            p99 += Double.parseDouble(csv[6]);
        }
        // Expressed as flows in one second, so that flowsPerSecond() reads as for the other rows.
        return new LoadResult("redis-benchmark", clients, Math.round(1 / secondsPerFlow), 0, 1,
                Math.round(p50 * 1000), Math.round(p99 * 1000), List.of(), Optional.empty());
    }

    private Command script(String name, String key, int keyRange, String... args) throws Exception {
        List<String> words = new ArrayList<>(List.of("EVALSHA", cli("SCRIPT", "LOAD", storeScript(name)), "1", key));
        words.addAll(List.of(args));
        return new Command(name, words, keyRange);
    }

    private void write(String prefix, String status, long now, String expiresAt) throws Exception {
        for (int first = 0; first < KEYS_PER_STATE; first += SETUP_BATCH) {
            // In batches, so that Redis, which others may share, is never busy for long.
            cli("EVAL", SETUP, "0", String.valueOf(first), String.valueOf(first + SETUP_BATCH - 1), prefix, status,
                    CODE_HASH, String.valueOf(now), expiresAt);
        }
    }

    /** The CSV fields redis-benchmark prints for the command: test, rps, avg, min, p50, p95, p99, max. */
    private String[] benchmark(int clients, Command command) throws Exception {
        List<String> line = new ArrayList<>(List.of("redis-benchmark", "-h", host, "-p", String.valueOf(port), "-c",
                String.valueOf(clients), "-n", String.valueOf(REQUESTS_PER_COMMAND), "-r",
                String.valueOf(command.keyRange()), "--csv"));
        line.addAll(command.words());
        String output = execute(line);
        String[] lines = output.strip().split("\n");
        String[] fields = lines[lines.length - 1].replace("\"", "").split(",");
        if (fields.length < 7 || fields[1].equals("rps")) {
            throw new IllegalStateException("redis-benchmark printed no figures for " + command.description()
                    + ":\n" + output);
        }
        return fields;
    }

    private String cli(String... words) throws Exception {
        List<String> line = new ArrayList<>(List.of("redis-cli", "-h", host, "-p", String.valueOf(port)));
        line.addAll(List.of(words));
        String output = execute(line).strip();
        if (output.startsWith("ERR") || output.startsWith("(error)")) {
            throw new IllegalStateException("redis-cli " + words[0] + " failed: " + output);
        }
        return output;
    }

    private static String execute(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed:\n" + output);
        }
        return output;
    }

    /**
     * The source of one of the Redis store's scripts, read from the store's own class, so that this benchmark always
     * runs the scripts the store runs.
     */
    private static String storeScript(String name) throws ReflectiveOperationException {
        Class<?> scripts = Class.forName("io.quarkiverse.twofactor.runtime.store.redis.ConfirmationScripts");
        Field field = scripts.getDeclaredField(name);
        field.setAccessible(true);
        Object script = field.get(null);
        Field source = script.getClass().getDeclaredField("source");
        source.setAccessible(true);
        return (String) source.get(script);
    }
}
