package io.quarkiverse.twofactor.it.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkiverse.twofactor.it.Concurrently;

/**
 * Two packaged applications sharing one store, driven concurrently: the one-time use, the attempt count and the
 * per-recipient send limit hold across them. Subclasses choose the shared store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReplicaPairSuite {

    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final int CALLERS = 40;

    private Replica first;
    private Replica second;

    /** Properties of both replicas that select and reach the shared store. */
    protected abstract Map<String, String> storeProperties();

    void startReplicas() throws Exception {
        Map<String, String> common = new HashMap<>(storeProperties());
        common.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/test");
        common.put("quarkus.datasource.username", "postgres");
        first = Replica.start(getClass().getSimpleName() + "-a", common);
        // Only the first replica creates the schema; the second must not drop it under the first.
        common.put("quarkus.hibernate-orm.schema-management.strategy", "none");
        second = Replica.start(getClass().getSimpleName() + "-b", common);
    }

    @AfterAll
    void stopReplicas() throws Exception {
        for (Replica replica : new Replica[] { first, second }) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @Test
    void aConfirmationIsUsedExactlyOnceAcrossReplicas() throws Exception {
        ensureStarted();
        String recipient = recipient();
        String id = request(first, recipient);
        String code = first.get("/demo/inbox/" + recipient).body();
        assertEquals(200, second.post("/two-factor/confirm", "{\"id\":\"" + id + "\",\"code\":\"" + code + "\"}")
                .statusCode());

        List<Integer> statuses = fromBoth(replica -> replica.post("/demo/protected-action/" + id, null).statusCode());

        assertEquals(1, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
    }

    @Test
    void wrongCodesAcrossReplicasNeverPassMaxAttempts() throws Exception {
        ensureStarted();
        String recipient = recipient();
        String id = request(first, recipient);
        String code = first.get("/demo/inbox/" + recipient).body();
        String wrong = (code.charAt(0) == '0' ? "1" : "0") + code.substring(1);

        List<Integer> statuses = fromBoth(replica -> replica
                .post("/two-factor/confirm", "{\"id\":\"" + id + "\",\"code\":\"" + wrong + "\"}").statusCode());

        assertEquals(4, statuses.stream().filter(status -> status == 400).count(), statuses.toString());
        assertEquals(CALLERS - 4, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
        assertEquals(429, second.post("/two-factor/confirm", "{\"id\":\"" + id + "\",\"code\":\"" + code + "\"}")
                .statusCode());
    }

    @Test
    void theSendLimitIsNotDoubledByTwoReplicas() throws Exception {
        ensureStarted();
        String recipient = recipient();

        List<Integer> statuses = fromBoth(replica -> replica.post("/two-factor/request-confirmation",
                "{\"recipient\":\"" + recipient + "\"}").statusCode());

        assertEquals(5, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(CALLERS - 5, statuses.stream().filter(status -> status == 429).count(), statuses.toString());
    }

    private void ensureStarted() throws Exception {
        if (first == null) {
            startReplicas();
        }
    }

    private static String request(Replica replica, String recipient) throws Exception {
        HttpResponse<String> response = replica.post("/two-factor/request-confirmation",
                "{\"recipient\":\"" + recipient + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        Matcher id = ID.matcher(response.body());
        id.find();
        return id.group(1);
    }

    private static String recipient() {
        return "replica-" + UUID.randomUUID() + "@example.com";
    }

    interface Call<T> {
        T on(Replica replica) throws Exception;
    }

    /** Half the callers on each replica, released together. */
    private <T> List<T> fromBoth(Call<T> call) throws Exception {
        return Concurrently.run(CALLERS, caller -> call.on(caller % 2 == 0 ? first : second));
    }
}
