package io.quarkiverse.twofactor.bench;

import java.util.List;

/**
 * The settings the packaged demo is started with: its JVM's options and the properties that size its pools. The HTTP
 * rows run it with both, back to back; the soak test with {@link #TUNED}, the ones the guide recommends.
 *
 * @param name what the rows call it
 * @param options the {@code java} options, before {@code -jar}
 */
public record DemoJvm(String name, List<String> options) {

    /**
     * A fixed heap, far larger than the demo needs, touched at start, as services in containers usually run: resident
     * memory then follows what the application holds, not the collector's choice to grow the heap under load.
     */
    public static final DemoJvm HEAP_256_MIB = new DemoJvm("256 MiB heap",
            List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"));

    /** A heap sized to what the demo holds under load, and the JVM's other memory held to what it uses. */
    public static final DemoJvm TUNED = new DemoJvm("tuned", List.of(
            "-Xms96m", "-Xmx96m", "-XX:+AlwaysPreTouch"));

    /** The settings as the report and the soak test print them. */
    public String describe() {
        return name + ": " + String.join(" ", options);
    }
}
