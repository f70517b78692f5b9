package dev.switchboard.gateway.stub;

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

/** What the stubs share: JSON in and out, the error body of docs/internal-api.md, the caller of a request. */
final class StubHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StubHttp() {
    }

    /** The org and user of a request, read from the internal JWT (the test checks its signature itself). */
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
            throw new Failure(401, "unauthenticated", "a valid internal token is required", null);
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(header.substring(7).split("\\.")[1]));
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

    static JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw invalid(null, "the request body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw invalid(null, "the request body is not valid JSON");
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

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
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
        ObjectNode error = JSON.createObjectNode().put("code", failure.code).put("message", failure.getMessage());
        if (failure.field != null) {
            error.put("field", failure.field);
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("error", error);
        send(exchange, failure.status, body);
    }

    static Failure notFound(String message, String field) {
        return new Failure(404, "not_found", message, field);
    }

    static Failure invalid(String field, String message) {
        return new Failure(400, "invalid_argument", message, field);
    }
}
