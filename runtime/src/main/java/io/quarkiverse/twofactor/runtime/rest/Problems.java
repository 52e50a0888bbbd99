package io.quarkiverse.twofactor.runtime.rest;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.twofactor.DestinationExistsException;
import io.quarkiverse.twofactor.DestinationNotVerifiedException;
import io.quarkiverse.twofactor.InvalidRecipientException;
import io.quarkiverse.twofactor.NoAuthenticatorException;
import io.quarkiverse.twofactor.NoDestinationException;
import io.quarkiverse.twofactor.SenderBudgetExhaustedException;
import io.quarkiverse.twofactor.SenderBusyException;
import io.quarkiverse.twofactor.SenderFailedException;
import io.quarkiverse.twofactor.TooManyFailuresException;
import io.quarkiverse.twofactor.TooManySendsException;
import io.quarkiverse.twofactor.UnknownSenderException;
import io.quarkiverse.twofactor.spi.StoreUnavailableException;
import io.smallrye.mutiny.Uni;

/**
 * Turns every failure of an endpoint into a problem response, so that no stack trace, hash or code ever reaches a
 * client and no bad input ends as a 500.
 */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:quarkus-two-factor:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(Problems.class);
    private static final StoreOutageLog OUTAGES = new StoreOutageLog(System::nanoTime);

    private Problems() {
    }

    /** Runs an endpoint's work and answers with its response or the problem it failed with. */
    static Response guard(Supplier<Response> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return answer(e);
        }
    }

    /**
     * Subscribes to an endpoint's work and answers with its response or the problem it failed with, the same as
     * {@link #guard(Supplier)} answers for work done on the spot.
     */
    static Uni<Response> guardUni(Supplier<Uni<Response>> work) {
        return Uni.createFrom().deferred(work::get).onFailure().recoverWithItem(Problems::answer);
    }

    /** The problem response for a failure: the problem itself, or what the failure means for a client. */
    static Response answer(Throwable e) {
        return respond(classify(e));
    }

    private static ProblemException classify(Throwable e) {
        if (e instanceof ProblemException problem) {
            return problem;
        }
        if (e instanceof UnknownSenderException unknown) {
            return new ProblemException(400, "unknown-sender", "Unknown sender", unknown.getMessage())
                    .with("sender", unknown.senderKey());
        }
        if (e instanceof InvalidRecipientException) {
            return new ProblemException(400, "invalid-recipient", "Invalid recipient", e.getMessage());
        }
        if (e instanceof TooManySendsException tooMany) {
            return ProblemException.tooManyRequests("too-many-sends", "Too many codes sent",
                    "Too many codes were sent to this recipient", tooMany.retryAfter());
        }
        if (e instanceof TooManyFailuresException locked) {
            return ProblemException.tooManyRequests("too-many-failures", "Too many failures",
                    "Too many wrong codes were given for this user or recipient", locked.retryAfter());
        }
        if (e instanceof SenderBudgetExhaustedException spent) {
            return ProblemException.retryLater(503, "sender-budget-exhausted", "Sender budget exhausted",
                    "Sender '" + spent.senderKey() + "' sent all the codes its budget allows for now",
                    spent.retryAfter()).with("sender", spent.senderKey());
        }
        if (e instanceof SenderBusyException busy) {
            return ProblemException.retryLater(503, "sender-busy", "Sender busy",
                    "Sender '" + busy.senderKey() + "' has as many deliveries running and waiting as it allows",
                    busy.retryAfter()).with("sender", busy.senderKey());
        }
        if (e instanceof DestinationExistsException) {
            return new ProblemException(409, "destination-exists", "Destination exists",
                    "This recipient is already one of your destinations for that sender");
        }
        if (e instanceof DestinationNotVerifiedException) {
            return new ProblemException(409, "destination-not-verified", "Destination not verified",
                    "Only a verified destination can be the default; confirm the code sent to it first");
        }
        if (e instanceof NoDestinationException) {
            return new ProblemException(409, "no-destination", "No destination",
                    "You have no verified destination to send the code to; add and verify one first");
        }
        if (e instanceof NoAuthenticatorException) {
            return new ProblemException(409, "no-authenticator", "No authenticator",
                    "You have no verified authenticator app, or no recovery code left, to confirm with");
        }
        if (e instanceof IllegalArgumentException) {
            return ProblemException.badRequest(e.getMessage());
        }
        if (e instanceof SenderFailedException failed && failed.recipientRejected()) {
            return new ProblemException(400, "recipient-rejected", "Recipient rejected",
                    "Sender '" + failed.senderKey() + "' cannot deliver to this recipient")
                    .with("sender", failed.senderKey());
        }
        if (e instanceof SenderFailedException failed) {
            return new ProblemException(503, "sender-failed", "The code could not be delivered",
                    "Sender '" + failed.senderKey() + "' failed to deliver the code; request a new confirmation")
                    .with("sender", failed.senderKey());
        }
        if (causedByStorage(e)) {
            OUTAGES.warn(e);
            return new ProblemException(503, "store-unavailable", "Confirmations are unavailable",
                    "The confirmation store cannot be reached; try again shortly");
        }
        LOG.error("Two-factor endpoint failed", e);
        return new ProblemException(500, "internal-error", "Internal error", "The request could not be handled");
    }

    private static boolean causedByStorage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }

    static Response respond(ProblemException problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + problem.type);
        body.put("title", problem.title);
        body.put("status", problem.status);
        body.put("detail", problem.getMessage());
        body.putAll(problem.extensions);
        Response.ResponseBuilder response = Response.status(problem.status).type(MEDIA_TYPE).entity(write(body));
        problem.headers.forEach(response::header);
        return response.build();
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A response body could not be written", e);
        }
    }
}
