package io.quarkiverse.twofactor.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings the packaged demo is started with: its JVM's options and environment. The HTTP rows run it with both
 * of these, back to back; the soak test with {@link #TUNED}, the ones the guide recommends.
 *
 * @param name what the rows call it
 * @param environment variables set for the JVM's process
 * @param options the {@code java} options, before {@code -jar}
 */
public record DemoJvm(String name, Map<String, String> environment, List<String> options) {

    /**
     * A fixed heap, far larger than the demo needs, touched at start, as services in containers usually run: resident
     * memory then follows what the application holds, not the collector's choice to grow the heap under load.
     */
    public static final DemoJvm HEAP_256_MIB = new DemoJvm("256 MiB heap", Map.of(),
            List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"));

    /**
     * What the guide recommends: a fixed heap a few times the demo's live data, half of it for new objects, which
     * nearly all die young; the serial collector, whose bookkeeping is a small fraction of G1's on a heap this size and
     * which loses nothing to G1 on two cores; and two malloc arenas instead of glibc's several per core, which the
     * JVM's native allocations do not need.
     */
    public static final DemoJvm TUNED = new DemoJvm("tuned", Map.of("MALLOC_ARENA_MAX", "2"),
            List.of("-XX:+UseSerialGC", "-Xms80m", "-Xmx80m", "-Xmn40m", "-XX:+AlwaysPreTouch"));

    /** The settings as the report and the soak test print them. */
    public String describe() {
        return name + ": " + commandLine();
    }

    /** How a shell starts a JVM with these settings, up to {@code -jar}. */
    public String commandLine() {
        String variables = environment.entrySet().stream().map(variable -> variable.getKey() + "=" + variable.getValue())
                .collect(Collectors.joining(" "));
        return (variables.isEmpty() ? "" : variables + " ") + "java " + String.join(" ", options);
    }
}
