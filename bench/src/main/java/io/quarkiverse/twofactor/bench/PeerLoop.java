package io.quarkiverse.twofactor.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The peer side of a measurement that runs in a JVM of its own ({@link PeerProcess}): each line read from standard input
 * ({@code <clients> <seconds>}) runs the flow that long at that many clients and prints the result as one line. It
 * returns when standard input ends.
 */
public final class PeerLoop {

    private PeerLoop() {
    }

    public static void serve(String name, LoadRun.Flow flow) throws Exception {
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String request = requests.readLine(); request != null; request = requests.readLine()) {
            String[] words = request.strip().split(" ");
            LoadResult result = LoadRun.run(name, Integer.parseInt(words[0]), Duration.ofSeconds(Long.parseLong(words[1])),
                    flow);
            System.out.println(result.asLine());
            System.out.flush();
        }
    }
}
