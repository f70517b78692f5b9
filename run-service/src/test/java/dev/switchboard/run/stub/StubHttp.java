package dev.switchboard.run.stub;

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

/** What both stubs share: JSON in and out, the error body, and the caller read from the forwarded JWT. */
final class StubHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StubHttp() {
    }

    /** The org and user of a request. The stub does not verify the signature; the real services do. */
    record Caller(String org, String user) {
    }

    /** A request the stub answers with an error body. */
    static final class Failure extends RuntimeException {
        final int status;
        final String code;
        final String field;

        Failure(int status, String code, String message, String field) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
            this.field = field;
        }
    }

    static Caller caller(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            throw new Failure(401, "unauthenticated", "an internal token is required", null);
        }
        try {
            String[] parts = header.substring(7).split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return new Caller(claims.get("org").asText(), claims.get("sub").asText());
        } catch (RuntimeException | IOException e) {
            throw new Failure(401, "unauthenticated", "the token is not a JWT", null);
        }
    }

    static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new Failure(400, "invalid_argument", "the body must be a JSON object", null);
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Failure(400, "invalid_argument", "the body is not valid JSON", null);
        }
    }

    static Map<String, String> query(HttpExchange exchange) {
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

    static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendError(HttpExchange exchange, Failure failure) throws IOException {
        ObjectNode error = JSON.createObjectNode()
                .put("code", failure.code)
                .put("message", failure.getMessage());
        if (failure.field != null) {
            error.put("field", failure.field);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        send(exchange, failure.status, body);
    }

    static Failure notFound(String field, String message) {
        return new Failure(404, "not_found", message, field);
    }

    static Failure invalid(String field, String message) {
        return new Failure(400, "invalid_argument", message, field);
    }
}
