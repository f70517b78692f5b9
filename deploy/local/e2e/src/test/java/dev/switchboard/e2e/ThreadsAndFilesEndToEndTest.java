package dev.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.TestStacks;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 through the real gateway and services: upload a file, create a thread that attaches it with an
 * Idempotency-Key, replay the key, race two requests on one key, read the conversation back.
 */
class ThreadsAndFilesEndToEndTest {

    private static final String PLAN = "# Launch plan\n- ship on Monday\n- tell support\n";

    private static LocalStack stack;
    private static String baseUrl;
    private static String token;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void bootStack() throws Exception {
        Map<String, String> env = new HashMap<>();
        StackSettings settings = TestStacks.onFreePorts("switchboard-e2e-threads-", env);
        stack = new LocalStack(settings, System.out);
        stack.start();
        baseUrl = settings.gatewayUrl();
        token = Files.readString(settings.home().resolve("dev-token")).trim();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aThreadWithAnUploadedFileIsCreatedOnceAndReadBack() throws Exception {
        Gateway.Reply file = upload("launch-plan.md", "text/markdown", PLAN);
        assertEquals(201, file.status(), file.raw().body());
        String fileId = file.body().get("id").asText();
        assertTrue(fileId.matches("file_[0-9A-Z]{26}"), fileId);
        assertEquals(PLAN.length(), file.body().get("size").asInt());
        assertEquals("text/markdown", file.body().get("content_type").asText());

        Gateway.Reply metadata = send(request("/api/v1/files/" + fileId).GET());
        assertEquals(200, metadata.status(), metadata.raw().body());
        assertEquals(file.body().get("sha256"), metadata.body().get("sha256"));
        HttpResponse<String> content = HTTP.send(
                request("/api/v1/files/" + fileId + "/content").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, content.statusCode());
        assertEquals(PLAN, content.body());

        String body = """
                {"client_external_ref": "linear-ENG-123", "files": [{"file_id": "%s"}],
                 "input": {"content": [{"text": "Summarize the attached launch plan and list follow-ups.",
                 "type": "text"}], "type": "user.message"}}""".formatted(fileId);
        String key = "e2e-" + UUID.randomUUID();
        Gateway.Reply created = create(body, key);
        assertEquals(201, created.status(), created.raw().body());
        JsonNode thread = created.body().get("thread");
        assertEquals("linear-ENG-123", thread.get("client_external_ref").asText());
        assertEquals("demo-user", thread.get("created_by").get("id").asText());
        assertEquals("api", thread.get("source").asText());
        assertEquals(
                created.body().get("run").get("id").asText(),
                thread.get("last_run_id").asText());
        assertTrue(
                created.body().get("run").hasNonNull("completedAt"),
                created.raw().body());

        Gateway.Reply replay = create(body, key);
        assertEquals(201, replay.status(), replay.raw().body());
        assertEquals(created.body(), replay.body());

        Gateway.Reply other = create(body.replace("linear-ENG-123", "linear-ENG-124"), key);
        assertEquals(422, other.status(), other.raw().body());

        Gateway.Reply conversation =
                send(request(created.body().get("links").get("thread").asText()).GET());
        assertEquals(200, conversation.status(), conversation.raw().body());
        JsonNode messages = conversation.body().get("messages");
        assertEquals(2, messages.size(), conversation.raw().body());
        assertEquals("user", messages.get(0).get("role").asText());
        assertEquals(
                "Summarize the attached launch plan and list follow-ups.",
                messages.get(0).get("content").asText());
        assertEquals("assistant", messages.get(1).get("role").asText());
        assertTrue(messages.get(1).get("content").asText().contains("Summarize the attached launch plan"));
    }

    @Test
    void twoConcurrentRequestsWithOneKeyMakeOneThread() throws Exception {
        String body = """
                {"input": {"type": "user.message", "content": [{"type": "text", "text": "Race me."}]}}""";
        String key = "e2e-race-" + UUID.randomUUID();
        List<CompletableFuture<Gateway.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return create(body, key);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<String> threads = new ArrayList<>();
        for (CompletableFuture<Gateway.Reply> call : calls) {
            Gateway.Reply reply = call.get();
            assertTrue(
                    reply.status() == 201 || reply.status() == 409, reply.raw().body());
            if (reply.status() == 201) {
                threads.add(reply.body().get("thread").get("id").asText());
            } else {
                assertEquals(
                        "Idempotency-Key",
                        reply.body().get("error").get("field").asText());
            }
        }
        assertTrue(!threads.isEmpty());
        assertEquals(1, threads.stream().distinct().count(), threads.toString());
        // afterwards the key replays the one thread
        Gateway.Reply after = create(body, key);
        assertEquals(201, after.status(), after.raw().body());
        assertEquals(threads.get(0), after.body().get("thread").get("id").asText());
    }

    @Test
    void badRequestsNameTheirField() throws Exception {
        Gateway.Reply emptyText = create("""
                {"input": {"type": "user.message", "content": [{"type": "text", "text": ""}]}}""", null);
        assertEquals(400, emptyText.status(), emptyText.raw().body());
        assertEquals(
                "input.content[0].text",
                emptyText.body().get("error").get("field").asText());

        Gateway.Reply unknownFile = create("""
                {"files": [{"file_id": "file_01KQX0V62MEXAMPLE7W6X3B2A"}],
                 "input": {"type": "user.message", "content": [{"type": "text", "text": "hi"}]}}""", null);
        assertEquals(404, unknownFile.status(), unknownFile.raw().body());
        assertEquals(
                "files[0].file_id", unknownFile.body().get("error").get("field").asText());

        Gateway.Reply longKey = create("""
                {"input": {"type": "user.message", "content": [{"type": "text", "text": "hi"}]}}""", "k".repeat(129));
        assertEquals(400, longKey.status(), longKey.raw().body());
        assertEquals("Idempotency-Key", longKey.body().get("error").get("field").asText());

        Gateway.Reply unknownFileId =
                send(request("/api/v1/files/file_00000000000000000000000000").GET());
        assertEquals(404, unknownFileId.status(), unknownFileId.raw().body());
    }

    private static Gateway.Reply create(String json, String key) throws Exception {
        HttpRequest.Builder request = request("/api/v1/agents/demo/threads")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request);
    }

    private static Gateway.Reply upload(String filename, String contentType, String content) throws Exception {
        String boundary = "switchboard-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/api/v1/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private static Gateway.Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? null : Gateway.JSON.readTree(response.body());
        return new Gateway.Reply(response.statusCode(), body, response);
    }
}
