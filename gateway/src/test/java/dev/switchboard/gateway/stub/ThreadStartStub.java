package dev.switchboard.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.stub.StubHttp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * thread-service's seed 002 routes as docs/internal-api.md describes them: files (raw upload, metadata, bytes),
 * a thread started with its first message, and Idempotency-Key records (claim, complete, release).
 */
public class ThreadStartStub {

    /** thread-service's switchboard.files.max-size; the body is counted in characters (test files are ASCII). */
    static final int MAX_FILE_SIZE = 20 * 1024 * 1024;

    /** A stored file; the stub keeps text files only (the stub server reads bodies as UTF-8). */
    public record File(
            String id,
            String org,
            String user,
            String filename,
            String contentType,
            String content,
            Instant createdAt) {}

    /** An Idempotency-Key record. */
    public record Key(UUID claimId, String hash, boolean completed, int status, String body) {}

    private final StubWorld world;
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    /** thread id -> the ids of the files its first message attaches. */
    private final Map<String, List<String>> attachments = new ConcurrentHashMap<>();

    ThreadStartStub(StubWorld world) {
        this.world = world;
    }

    public List<String> attachments(String threadId) {
        return attachments.getOrDefault(threadId, List.of());
    }

    /** Answers the request if it is one of these routes. */
    boolean handle(HttpExchange exchange, StubHttp.Caller caller, String body) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/internal/files") && method.equals("POST")) {
            if (body.isEmpty()) {
                throw StubHttp.invalid("file", "file must not be empty");
            }
            if (body.length() > MAX_FILE_SIZE) {
                throw new StubHttp.Failure(
                        413, "payload_too_large", "file must be at most " + MAX_FILE_SIZE + " bytes", "file");
            }
            Map<String, String> query = StubHttp.query(exchange);
            String id = "file_" + randomId();
            File file = new File(
                    id,
                    caller.org(),
                    caller.user(),
                    query.get("filename"),
                    query.getOrDefault("contentType", "application/octet-stream"),
                    body,
                    Instant.now());
            files.put(id, file);
            StubHttp.send(exchange, 201, json(file));
        } else if (path.startsWith("/internal/files/") && method.equals("GET")) {
            String rest = path.substring("/internal/files/".length());
            boolean content = rest.endsWith("/content");
            File file = file(caller, content ? rest.substring(0, rest.length() - "/content".length()) : rest);
            if (content) {
                byte[] bytes = file.content().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", file.contentType());
                exchange.getResponseHeaders()
                        .set("Content-Disposition", "attachment; filename*=UTF-8''" + file.filename());
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } else {
                StubHttp.send(exchange, 200, json(file));
            }
        } else if (path.equals("/internal/threads/with-message") && method.equals("POST")) {
            start(exchange, caller, StubHttp.json(body));
        } else if (path.equals("/internal/idempotency-keys") && method.equals("POST")) {
            JsonNode claim = StubHttp.json(body);
            StubHttp.send(
                    exchange,
                    200,
                    claim(
                            caller,
                            claim.get("key").asText(),
                            claim.get("requestHash").asText()));
        } else if (path.startsWith("/internal/idempotency-keys/") && method.equals("PUT")) {
            JsonNode done = StubHttp.json(body);
            complete(
                    caller,
                    UUID.fromString(path.substring(path.lastIndexOf('/') + 1)),
                    done.get("responseStatus").asInt(),
                    done.get("responseBody").asText());
            exchange.sendResponseHeaders(204, -1);
        } else if (path.startsWith("/internal/idempotency-keys/") && method.equals("DELETE")) {
            UUID claimId = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
            keys.values().removeIf(k -> k.claimId().equals(claimId) && !k.completed());
            exchange.sendResponseHeaders(204, -1);
        } else {
            return false;
        }
        return true;
    }

    private void start(HttpExchange exchange, StubHttp.Caller caller, JsonNode start) throws IOException {
        List<String> fileIds = new ArrayList<>();
        JsonNode ids = start.path("fileIds");
        for (int i = 0; i < ids.size(); i++) {
            File file = files.get(ids.get(i).asText());
            if (file == null || !file.org().equals(caller.org()) || !file.user().equals(caller.user())) {
                throw new StubHttp.Failure(
                        404, "not_found", "file " + ids.get(i).asText() + " not found", "fileIds[" + i + "]");
            }
            fileIds.add(file.id());
        }
        StubWorld.Agent agent = world.agent(caller.org(), start.path("agentId").asText())
                .orElseThrow(() -> StubHttp.notFound("agent not found", "agentId"));
        StubWorld.Thread thread = world.newThread(caller.org(), caller.user(), agent);
        String content = start.path("content").asText();
        StubWorld.Message message = world.append(thread, "user", content, caller.user(), null);
        attachments.put(thread.id(), List.copyOf(fileIds));
        ObjectNode answer = StubHttp.JSON.createObjectNode();
        answer.putObject("thread")
                .put("id", thread.id())
                .put("agentId", agent.uuid().toString())
                .put("agentNumericId", agent.id())
                .put("title", content)
                .put("firstMessage", content)
                .put("messageCount", 0)
                .put("createdBy", thread.createdBy())
                .put("createdAt", StubHttp.time(thread.createdAt()))
                .put("updatedAt", StubHttp.time(thread.createdAt()))
                .putArray("userIds")
                .add(caller.user());
        answer.putObject("message")
                .put("id", message.id().toString())
                .put("threadId", thread.id())
                .put("role", "user")
                .put("content", content)
                .put("userId", caller.user())
                .put("createdAt", StubHttp.time(message.createdAt()));
        fileIds.forEach(answer.putArray("fileIds")::add);
        answer.put("source", start.path("source").asText("api"))
                .put("clientExternalRef", StubHttp.text(start, "clientExternalRef"))
                .put("attributedUserId", StubHttp.text(start, "attributedUserId"));
        StubHttp.send(exchange, 201, answer);
    }

    private synchronized ObjectNode claim(StubHttp.Caller caller, String key, String hash) {
        String id = caller.org() + "|" + caller.user() + "|" + key;
        Key existing = keys.get(id);
        ObjectNode answer = StubHttp.JSON.createObjectNode();
        if (existing == null) {
            Key claimed = new Key(UUID.randomUUID(), hash, false, 0, null);
            keys.put(id, claimed);
            return answer.put("outcome", "claimed")
                    .put("claimId", claimed.claimId().toString());
        }
        if (!existing.completed()) {
            return answer.put("outcome", "in_progress");
        }
        if (!existing.hash().equals(hash)) {
            return answer.put("outcome", "mismatch");
        }
        return answer.put("outcome", "replay")
                .put("responseStatus", existing.status())
                .put("responseBody", existing.body());
    }

    private synchronized void complete(StubHttp.Caller caller, UUID claimId, int status, String body) {
        keys.replaceAll(
                (id, k) -> k.claimId().equals(claimId) && id.startsWith(caller.org() + "|" + caller.user() + "|")
                        ? new Key(claimId, k.hash(), true, status, body)
                        : k);
    }

    private File file(StubHttp.Caller caller, String id) {
        File file = files.get(id);
        if (file == null || !file.org().equals(caller.org()) || !file.user().equals(caller.user())) {
            throw StubHttp.notFound("file " + id + " not found", null);
        }
        return file;
    }

    private static ObjectNode json(File file) {
        return StubHttp.JSON
                .createObjectNode()
                .put("id", file.id())
                .put("filename", file.filename())
                .put("contentType", file.contentType())
                .put("size", file.content().getBytes(StandardCharsets.UTF_8).length)
                .put("sha256", sha256(file.content()))
                .put("createdAt", StubHttp.time(file.createdAt()));
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomId() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
