package dev.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Bad requests sent to the gateway as they are (any bytes), and the check of the error body they must get. */
final class BadRequests {

    /** One bad request and what it must be answered with; {@code field} null when no single field is at fault. */
    record Case(String method, String path, String body, int status, String field) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    BadRequests(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Sends the case and adds a line to {@code failures} unless the answer is its status and error body. */
    void check(String bearer, Case c, List<String> failures) throws Exception {
        byte[] body = c.body() == null ? null : c.body().getBytes(StandardCharsets.UTF_8);
        check(
                c.method() + " " + c.path() + (c.body() == null ? "" : " " + abbreviate(c.body())),
                raw(
                        bearer,
                        c.method(),
                        c.path(),
                        body == null ? null : HttpRequest.BodyPublishers.ofByteArray(body),
                        "application/json"),
                c.status(),
                c.field(),
                failures);
    }

    /** Checks an answer: the status, a JSON body {@code {"error": {"code", "message", "field"?}}}. */
    static void check(String what, HttpResponse<String> response, int status, String field, List<String> failures) {
        JsonNode error;
        try {
            error = Gateway.JSON.readTree(response.body()).path("error");
        } catch (Exception notJson) {
            failures.add(what + " -> " + response.statusCode() + " with a body that is not JSON: "
                    + abbreviate(response.body()));
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() != status
                || !type.startsWith("application/json")
                || !error.hasNonNull("code")
                || !error.hasNonNull("message")
                || (field != null && !field.equals(error.path("field").asText(null)))) {
            failures.add(what + " -> " + response.statusCode() + " " + type + " " + abbreviate(response.body())
                    + " (expected " + status + (field == null ? "" : " naming " + field) + ")");
        }
    }

    HttpResponse<String> raw(
            String bearer, String method, String path, HttpRequest.BodyPublisher body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A {@code multipart/form-data} body with one part {@code file}. */
    static byte[] multipart(String boundary, String filename, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
