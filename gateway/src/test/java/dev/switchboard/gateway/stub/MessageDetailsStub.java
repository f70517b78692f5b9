package dev.switchboard.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.stub.StubHttp;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * thread-service's seed 004 routes as docs/internal-api.md describes them: append a message with its details,
 * read one message with the caller's feedback, give feedback on an assistant message.
 */
final class MessageDetailsStub {

    private final StubWorld world;

    MessageDetailsStub(StubWorld world) {
        this.world = world;
    }

    /** {@code POST {id}/messages}, {@code GET {id}/messages/{messageId}}, {@code PUT .../feedback}. */
    static boolean handles(String method, String rest) {
        String[] parts = rest.split("/");
        return (method.equals("POST") && parts.length == 2 && parts[1].equals("messages"))
                || (method.equals("GET") && parts.length == 3 && parts[1].equals("messages"))
                || (method.equals("PUT") && parts.length == 4 && parts[3].equals("feedback"));
    }

    void handle(HttpExchange exchange, StubHttp.Caller caller, String rest, String body) throws IOException {
        String[] parts = rest.split("/");
        StubWorld.Thread thread = world.thread(caller.org(), parts[0])
                .orElseThrow(() -> StubHttp.notFound("thread " + parts[0] + " not found", null));
        switch (exchange.getRequestMethod()) {
            case "POST" -> {
                JsonNode request = StubHttp.json(body);
                String role = StubHttp.text(request, "role");
                if (!List.of("user", "assistant", "system").contains(role)) {
                    throw StubHttp.invalid("role", "role must be one of: user, assistant, system");
                }
                UUID id = UUID.fromString(StubHttp.text(request, "id"));
                StubWorld.Message m = world.append(
                        thread,
                        id,
                        role,
                        StubHttp.text(request, "content"),
                        role.equals("user") ? caller.user() : null,
                        request.hasNonNull("runId")
                                ? UUID.fromString(request.get("runId").asText())
                                : null);
                ObjectNode details = StubHttp.JSON.createObjectNode();
                for (String field : List.of("contentHtml", "metadata", "attachments", "toolCalls")) {
                    if (request.hasNonNull(field)) {
                        details.set(field, request.get(field));
                    }
                }
                world.details(id, details);
                StubHttp.send(exchange, 201, message(m));
            }
            case "GET" -> {
                StubWorld.Message m = find(thread, parts[2]);
                ObjectNode answer = StubHttp.JSON.createObjectNode();
                answer.set("message", message(m));
                answer.set("feedback", world.feedback(m.id(), caller.user()));
                StubHttp.send(exchange, 200, answer);
            }
            default -> {
                StubWorld.Message m = find(thread, parts[2]);
                JsonNode request = StubHttp.json(body);
                if (!m.role().equals("assistant")) {
                    throw StubHttp.invalid("messageId", "feedback can only be given on an assistant message");
                }
                ObjectNode earlier = world.feedback(m.id(), caller.user());
                String now = StubHttp.time(Instant.now());
                List<StubWorld.Message> all = thread.messages();
                String question = all.subList(0, all.indexOf(m)).stream()
                        .filter(q -> q.role().equals("user"))
                        .reduce((a, b) -> b)
                        .map(q -> q.id().toString())
                        .orElse(null);
                ObjectNode feedback = StubHttp.JSON
                        .createObjectNode()
                        .put(
                                "id",
                                earlier != null
                                        ? earlier.get("id").asText()
                                        : UUID.randomUUID().toString())
                        .put("threadId", thread.id())
                        .put("messageId", m.id().toString())
                        .put("humanMessageId", question)
                        .put("runId", m.runId() == null ? null : m.runId().toString())
                        .put("userId", caller.user())
                        .put("orgId", caller.org())
                        .put("feedbackType", StubHttp.text(request, "feedbackType"))
                        .put("issueType", StubHttp.text(request, "issueType"))
                        .put("comment", StubHttp.text(request, "comment"))
                        .put(
                                "createdAt",
                                earlier != null ? earlier.get("createdAt").asText() : now)
                        .put("updatedAt", now);
                world.feedback(m.id(), caller.user(), feedback);
                StubHttp.send(exchange, earlier == null ? 201 : 200, feedback);
            }
        }
    }

    private static StubWorld.Message find(StubWorld.Thread thread, String id) {
        return thread.messages().stream()
                .filter(m -> m.id().toString().equals(id))
                .findFirst()
                .orElseThrow(() -> StubHttp.notFound("message " + id + " not found", "messageId"));
    }

    private ObjectNode message(StubWorld.Message m) {
        ObjectNode json = m.json();
        ObjectNode details = world.details(m.id());
        for (String field : List.of("contentHtml", "metadata", "attachments", "toolCalls")) {
            json.set(field, details.get(field));
        }
        return json;
    }
}
