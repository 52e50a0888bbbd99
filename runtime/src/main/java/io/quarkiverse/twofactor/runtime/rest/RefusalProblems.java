package io.quarkiverse.twofactor.runtime.rest;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Problem bodies for what Quarkus REST refuses on the way to one of the extension's endpoint methods, where the
 * endpoint's own {@link Problems} never runs: a {@code Content-Type} it cannot parse (such as {@code ;;;}), which it
 * answers with an empty {@code 400}, or any other refusal without a body.
 * <p>
 * Quarkus REST consults an application's exception mappers by the exception's class, whatever the endpoint, so this one
 * keeps to the extension's endpoints itself: for any other endpoint, or a request that reached none, it hands back the
 * exception's own response, as Quarkus would have. Its priority is below the default, so that an application's own
 * mapper of {@link WebApplicationException} still wins everywhere.
 */
@Singleton
public class RefusalProblems {

    @ServerExceptionMapper(priority = Priorities.USER + 100)
    public Response refused(WebApplicationException e, SimpleResourceInfo endpoint, HttpHeaders headers) {
        Response own = e.getResponse();
        if (own == null || own.hasEntity() || !isOurs(endpoint)) {
            return own;
        }
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (own.getStatus() == 400 && contentType != null && !parses(contentType)) {
            return Problems.respond(new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "The Content-Type header cannot be parsed; send application/json"));
        }
        String reason = own.getStatusInfo().getReasonPhrase();
        String title = reason == null || reason.isBlank() ? "Request refused" : reason;
        Response problem = Problems.respond(new ProblemException(own.getStatus(), own.getStatus() >= 500
                ? "internal-error"
                : "invalid-request", title, "The request was refused before it reached the endpoint (HTTP "
                        + own.getStatus() + ")"));
        // Headers that belong to the refusal (Allow, WWW-Authenticate, Retry-After) stay with it.
        Response.ResponseBuilder withHeaders = Response.fromResponse(problem);
        own.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(value -> withHeaders.header(name, value));
            }
        });
        return withHeaders.build();
    }

    /** An endpoint of this package: the extension's own REST endpoints. */
    private static boolean isOurs(SimpleResourceInfo endpoint) {
        Class<?> resource = endpoint == null ? null : endpoint.getResourceClass();
        return resource != null && resource.getPackageName().equals(RefusalProblems.class.getPackageName());
    }

    private static boolean parses(String contentType) {
        try {
            MediaType.valueOf(contentType);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
