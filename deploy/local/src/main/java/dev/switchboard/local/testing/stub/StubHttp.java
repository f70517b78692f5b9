package dev.switchboard.local.testing.stub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * What every stub shares: JSON in and out, the error body of docs/internal-api.md, and the caller of a request
 * read from the forwarded internal JWT (the stub does not verify the signature; the real services do).
 */
public final class StubHttp {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StubHttp() {}

    /** The org and user of a request. */
    public record Caller(String org, String user) {}

    /** A request the stub answers with an error body. */
    public static final class Failure extends RuntimeException {
        private final int status;
        private final String code;
        private final String field;

        public Failure(int status, String code, String message, String field) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }
    }

    /** The caller of an internal request; 401 unless it carries an internal token of the gateway. */
    public static Caller caller(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new Failure(401, "unauthenticated", "a valid internal token is required", null);
        }
        try {
            JsonNode claims = JSON.readTree(
                    Base64.getUrlDecoder().decode(header.substring(7).split("\\.")[1]));
            if (!"switchboard-gateway".equals(claims.path("iss").asText())) {
                throw new Failure(401, "unauthenticated", "not an internal token", null);
            }
            return new Caller(claims.get("org").asText(), claims.get("sub").asText());
        } catch (IOException | RuntimeException e) {
            if (e instanceof Failure failure) {
                throw failure;
            }
            throw new Failure(401, "unauthenticated", "the token is not a JWT", null);
        }
    }

    /** The request body as a JSON object; 400 otherwise. */
    public static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw invalid(null, "the request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw invalid(null, "the request body is not valid JSON");
        }
    }

    /** The query parameters, decoded (the last value of a repeated one). */
    public static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        return params;
    }

    public static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** A text field of a JSON body, or null when absent or null. */
    public static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** An instant as the services write it: UTC, milliseconds, {@code Z}. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }

    public static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static void sendError(HttpExchange exchange, Failure failure) throws IOException {
        ObjectNode error = JSON.createObjectNode().put("code", failure.code()).put("message", failure.getMessage());
        if (failure.field() != null) {
            error.put("field", failure.field());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        send(exchange, failure.status(), body);
    }

    /** A 404 {@code not_found}, naming the field that referred to the missing thing, if any. */
    public static Failure notFound(String message, String field) {
        return new Failure(404, "not_found", message, field);
    }

    /** A 400 {@code invalid_argument} on the field. */
    public static Failure invalid(String field, String message) {
        return new Failure(400, "invalid_argument", message, field);
    }
}
