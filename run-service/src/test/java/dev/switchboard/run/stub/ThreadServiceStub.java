package dev.switchboard.run.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.stub.StubHttp;
import dev.switchboard.local.testing.stub.StubServer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * thread-service as docs/internal-api.md describes the routes run-service calls: threads (new, the
 * caller's current one, by id) and their messages (newest {@code limit}, oldest first; append idempotent
 * by message id). Everything is scoped by the org of the forwarded token.
 */
public class ThreadServiceStub extends StubServer {

    /** A thread as the stub keeps it. */
    public record Thread(
            String org, String id, UUID agentId, long agentNumericId, String createdBy, Instant createdAt) {}

    /** A message as the stub keeps it. */
    public record Message(
            UUID id, String threadId, String role, String content, String userId, UUID runId, Instant createdAt) {}

    private static final Set<String> ROLES = Set.of("user", "assistant", "system");

    private final Map<UUID, JsonNode> toolCalls = new ConcurrentHashMap<>();

    /** The {@code toolCalls} a message was appended with, or null. */
    public JsonNode toolCallsOf(UUID messageId) {
        return toolCalls.get(messageId);
    }

    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    private final Map<String, String> current = new ConcurrentHashMap<>();
    private final Map<String, List<Message>> messages = new ConcurrentHashMap<>();
    private final Map<String, StubHttp.Failure> appendFailures = new ConcurrentHashMap<>();

    ThreadServiceStub() {
        super("thread-service");
    }

    public Thread addThread(String org, String user, UUID agentId, long agentNumericId) {
        Thread thread = new Thread(org, UUID.randomUUID().toString(), agentId, agentNumericId, user, Instant.now());
        threads.put(thread.id(), thread);
        messages.put(thread.id(), new ArrayList<>());
        return thread;
    }

    /** A message stored directly, as seed 002 stores a thread's first message before the run. */
    public Message addMessage(String threadId, String role, String content, String userId) {
        Message message = new Message(UUID.randomUUID(), threadId, role, content, userId, null, Instant.now());
        synchronized (this) {
            messages.get(threadId).add(message);
        }
        return message;
    }

    /** The thread's messages in the order they were appended. */
    public List<Message> messages(String threadId) {
        synchronized (this) {
            return List.copyOf(messages.getOrDefault(threadId, List.of()));
        }
    }

    public int threadCount() {
        return threads.size();
    }

    /** Makes every append to the thread answer this error, as a thread-service that refuses would. */
    public void failAppends(String threadId, int status, String code, String message, String field) {
        appendFailures.put(threadId, new StubHttp.Failure(status, code, message, field));
    }

    @Override
    protected void handle(HttpExchange exchange, String requestBody) throws IOException {
        StubHttp.Caller caller = StubHttp.caller(exchange);
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.replaceFirst("^/internal/threads/?", "").split("/");
        boolean root = path.equals("/internal/threads");
        if (root && method.equals("POST")) {
            StubHttp.send(exchange, 201, json(create(caller, StubHttp.json(requestBody))));
        } else if (!root && parts.length == 1 && parts[0].equals("current") && method.equals("POST")) {
            JsonNode body = StubHttp.json(requestBody);
            Thread probe = create(caller, body);
            String key = caller.org() + "|" + caller.user() + "|" + probe.agentId();
            String id = current.computeIfAbsent(key, k -> probe.id());
            if (!id.equals(probe.id())) {
                threads.remove(probe.id());
                messages.remove(probe.id());
            }
            StubHttp.send(exchange, 200, json(threads.get(id)));
        } else if (parts.length == 2
                && parts[0].equals("current")
                && parts[1].equals("messages")
                && method.equals("GET")) {
            Map<String, String> query = StubHttp.query(exchange);
            String id = current.get(caller.org() + "|" + caller.user() + "|" + query.get("agentId"));
            StubHttp.send(exchange, 200, list(id == null ? List.of() : window(id, query)));
        } else if (parts.length == 1 && method.equals("GET")) {
            StubHttp.send(exchange, 200, json(find(caller, parts[0])));
        } else if (parts.length == 2 && parts[1].equals("messages") && method.equals("GET")) {
            Thread thread = find(caller, parts[0]);
            StubHttp.send(exchange, 200, list(window(thread.id(), StubHttp.query(exchange))));
        } else if (parts.length == 2 && parts[1].equals("messages") && method.equals("POST")) {
            append(exchange, requestBody, caller, find(caller, parts[0]));
        } else {
            throw StubHttp.notFound("no such route in the stub: " + method + " " + path, null);
        }
    }

    private Thread create(StubHttp.Caller caller, JsonNode body) {
        UUID agentId = uuid(body, "agentId", true);
        if (!body.path("agentNumericId").canConvertToLong()) {
            throw StubHttp.invalid("agentNumericId", "agentNumericId is required");
        }
        return addThread(
                caller.org(), caller.user(), agentId, body.get("agentNumericId").asLong());
    }

    private Thread find(StubHttp.Caller caller, String id) {
        Thread thread = threads.get(id);
        if (thread == null || !thread.org().equals(caller.org())) {
            throw StubHttp.notFound("thread " + id + " not found", null);
        }
        return thread;
    }

    private List<Message> window(String threadId, Map<String, String> query) {
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        } catch (NumberFormatException e) {
            throw StubHttp.invalid("limit", "limit must be 1-1000");
        }
        if (limit < 1 || limit > 1000) {
            throw StubHttp.invalid("limit", "limit must be 1-1000");
        }
        List<Message> all = messages(threadId);
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    private void append(HttpExchange exchange, String requestBody, StubHttp.Caller caller, Thread thread)
            throws IOException {
        StubHttp.Failure failure = appendFailures.get(thread.id());
        if (failure != null) {
            throw failure;
        }
        JsonNode body = StubHttp.json(requestBody);
        UUID id = uuid(body, "id", true);
        String role = body.path("role").asText(null);
        if (role == null || !ROLES.contains(role)) {
            throw StubHttp.invalid("role", "role must be one of: user, assistant, system");
        }
        if (!body.path("content").isTextual()) {
            throw StubHttp.invalid("content", "content is required");
        }
        UUID runId = uuid(body, "runId", false);
        synchronized (this) {
            List<Message> list = messages.get(thread.id());
            for (Message existing : list) {
                if (existing.id().equals(id)) {
                    StubHttp.send(exchange, 200, json(existing));
                    return;
                }
            }
            if (body.hasNonNull("toolCalls")) {
                toolCalls.put(id, body.get("toolCalls"));
            }
            Message message = new Message(
                    id, thread.id(), role, body.get("content").asText(), caller.user(), runId, Instant.now());
            list.add(message);
            StubHttp.send(exchange, 201, json(message));
        }
    }

    private static UUID uuid(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw StubHttp.invalid(field, field + " is required");
            }
            return null;
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw StubHttp.invalid(field, field + " must be a UUID");
        }
    }

    private static ObjectNode json(Thread thread) {
        ObjectNode node = StubHttp.JSON
                .createObjectNode()
                .put("id", thread.id())
                .put("agentId", thread.agentId().toString())
                .put("agentNumericId", thread.agentNumericId())
                .putNull("title")
                .putNull("firstMessage")
                .put("messageCount", 0)
                .put("createdBy", thread.createdBy())
                .put("createdAt", StubHttp.time(thread.createdAt()))
                .put("updatedAt", StubHttp.time(thread.createdAt()));
        node.putArray("userIds").add(thread.createdBy());
        return node;
    }

    private static ObjectNode json(Message message) {
        return StubHttp.JSON
                .createObjectNode()
                .put("id", message.id().toString())
                .put("threadId", message.threadId())
                .put("role", message.role())
                .put("content", message.content())
                .put("userId", message.userId())
                .put("runId", message.runId() == null ? null : message.runId().toString())
                .put("createdAt", StubHttp.time(message.createdAt()));
    }

    private static ObjectNode list(List<Message> window) {
        ObjectNode body = StubHttp.JSON.createObjectNode();
        ArrayNode array = body.putArray("messages");
        window.forEach(m -> array.add(json(m)));
        return body;
    }
}
