package io.quarkiverse.twofactor.it.badinput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

/**
 * Judges the answer to a bad request: a 4xx; from the endpoint an application/problem+json body with type, title, status
 * and detail; from Quarkus its own format; and in no case a stack trace, an exception name or a code hash.
 */
public final class Answers {

    /** A hex run as long as a stored code hash (HMAC-SHA-256). */
    public static final Pattern HASH = Pattern.compile("[0-9a-fA-F]{64}");
    private static final List<String> STACK_TRACE_MARKERS = List.of("at io.", "at java.", "at org.", "at com.",
            "\tat ", "Exception", "Caused by");
    private static final String PROBLEM = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:quarkus-two-factor:problem:";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a request was refused. */
    public enum Refusal {
        /** By the endpoint, with a problem body. */
        PROBLEM,
        /** By Quarkus before the endpoint ran. */
        BEFORE_THE_ENDPOINT
    }

    private Answers() {
    }

    /** How the request was refused; or what is wrong with the answer, as an exception. */
    public static Refusal judge(BadRequest request, Response response) {
        List<String> wrong = new ArrayList<>();
        int status = response.statusCode();
        String contentType = response.contentType() == null ? "" : response.contentType();
        byte[] bytes = response.asByteArray();
        String body = new String(bytes, StandardCharsets.UTF_8);
        boolean problem = contentType.startsWith(PROBLEM);
        if (status < 400 || status > 499) {
            wrong.add("the status is not 4xx");
        }
        if (problem) {
            if (!request.expected().problemStatuses().contains(status)) {
                wrong.add("the endpoint answered an unexpected status");
            }
            if (!request.method().equals("HEAD")) {
                wrong.addAll(problemMembers(bytes, status));
            }
        } else if (!request.expected().beforeEndpointStatuses().contains(status)) {
            wrong.add(request.expected().problemStatuses().isEmpty() ? "an unexpected status"
                    : "the answer is not application/problem+json");
        }
        wrong.addAll(leaks(body));
        if (!wrong.isEmpty()) {
            throw new AssertionError(String.join("; ", wrong) + ". Expected " + request.expected() + ", got " + status
                    + " [" + contentType + "] " + (body.length() > 400 ? body.substring(0, 400) + "..." : body)
                    + "\n    for " + request.describe());
        }
        return problem ? Refusal.PROBLEM : Refusal.BEFORE_THE_ENDPOINT;
    }

    /** What in an answer's body looks like a stack trace or a code hash. */
    public static List<String> leaks(String body) {
        List<String> leaks = new ArrayList<>();
        for (String marker : STACK_TRACE_MARKERS) {
            if (body.contains(marker)) {
                leaks.add("the body holds '" + marker.replace("\t", "\\t") + "', as a stack trace would");
            }
        }
        if (HASH.matcher(body).find()) {
            leaks.add("the body holds a 64-digit hex string, as a code hash would");
        }
        return leaks;
    }

    private static List<String> problemMembers(byte[] bytes, int status) {
        JsonNode problem;
        try {
            problem = JSON.readTree(bytes);
        } catch (IOException e) {
            return List.of("the problem body is not JSON");
        }
        List<String> wrong = new ArrayList<>();
        if (problem == null || !problem.isObject()) {
            return List.of("the problem body is not an object");
        }
        if (!problem.path("type").isTextual() || !problem.path("type").textValue().startsWith(TYPE_PREFIX)) {
            wrong.add("the problem has no type of ours");
        }
        if (!problem.path("title").isTextual() || problem.path("title").textValue().isBlank()) {
            wrong.add("the problem has no title");
        }
        if (!problem.path("status").isInt() || problem.path("status").intValue() != status) {
            wrong.add("the problem's status is not the HTTP status");
        }
        if (!problem.path("detail").isTextual() || problem.path("detail").textValue().isBlank()) {
            wrong.add("the problem has no detail");
        }
        if (problem.has("code")) {
            wrong.add("the problem carries a code");
        }
        return wrong;
    }
}
