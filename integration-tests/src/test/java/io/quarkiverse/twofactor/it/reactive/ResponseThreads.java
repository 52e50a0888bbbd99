package io.quarkiverse.twofactor.it.reactive;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.core.Context;

/**
 * Records the thread each response was finished on. Quarkus REST finishes a response on the thread its endpoint's
 * work ended on: the worker thread of a blocking endpoint, the thread a reactive endpoint's {@code Uni} emitted on.
 */
@Singleton
public class ResponseThreads {

    /** The thread that finished a response. */
    public record Finished(String thread, boolean onEventLoop) {
    }

    private final Map<String, Finished> last = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void record(ContainerRequestContext request) {
        last.put(request.getMethod() + " " + request.getUriInfo().getPath(),
                new Finished(Thread.currentThread().getName(), Context.isOnEventLoopThread()));
    }

    /** Where the last response to the request, such as {@code POST /two-factor/confirm}, was finished. */
    public Finished last(String request) {
        Finished finished = last.get(request);
        if (finished == null) {
            throw new AssertionError("No response to " + request + " was recorded; recorded: " + last.keySet());
        }
        return finished;
    }
}
