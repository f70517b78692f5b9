package dev.switchboard.gateway.stub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.stub.StubHttp;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * thread-service's read routes as docs/internal-api.md describes them, over {@link StubWorld}. The summary
 * fields are computed from the messages on every read (the real service projects them from run events).
 */
public class ThreadServiceStub extends WorldStub {

    private static final String PREFIX = "/internal/threads/";

    private final ThreadStartStub starts;

    ThreadServiceStub(StubWorld world) {
        this(world, new ThreadStartStub(world));
    }

    private ThreadServiceStub(StubWorld world, ThreadStartStub starts) {
        super("thread-service", world, starts::handle);
        this.starts = starts;
    }

    /** The seed 002 routes: files, threads started with a first message, Idempotency-Key records. */
    public ThreadStartStub starts() {
        return starts;
    }

    @Override
    protected void handle(HttpExchange exchange, StubHttp.Caller caller, String body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = StubHttp.query(exchange);
        if (exchange.getRequestMethod().equals("GET") && path.equals("/internal/threads")) {
            // seed 001's list: answers an empty page and echoes the query it received
            ObjectNode page = StubHttp.JSON.createObjectNode();
            page.putArray("conversations");
            page.putNull("nextPageToken");
            page.put("totalCount", 0).put("page", 0).put("pageSize", 10);
            ObjectNode echo = page.putObject("receivedQuery");
            query.forEach(echo::put);
            StubHttp.send(exchange, 200, page);
            return;
        }
        if (!path.startsWith(PREFIX)) {
            throw StubHttp.notFound("no such route: " + path, null);
        }
        String rest = path.substring(PREFIX.length());
        if (MessageDetailsStub.handles(exchange.getRequestMethod(), rest)) {
            new MessageDetailsStub(world).handle(exchange, caller, rest, body);
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            throw StubHttp.notFound("no such route: " + path, null);
        }
        if (rest.equals("current/messages")) {
            UUID agentId = UUID.fromString(query.get("agentId"));
            List<StubWorld.Message> messages = world.existingCurrentThread(caller.org(), caller.user(), agentId)
                    .map(t -> world.recent(t, limit(query)))
                    .orElse(List.of());
            StubHttp.send(exchange, 200, messages(messages));
        } else if (rest.endsWith("/messages")) {
            StubWorld.Thread thread = find(caller, rest.substring(0, rest.length() - "/messages".length()));
            StubHttp.send(exchange, 200, messages(world.recent(thread, limit(query))));
        } else {
            StubHttp.send(exchange, 200, json(find(caller, rest)));
        }
    }

    private StubWorld.Thread find(StubHttp.Caller caller, String id) {
        return world.thread(caller.org(), id).orElseThrow(() -> StubHttp.notFound("thread " + id + " not found", null));
    }

    private static int limit(Map<String, String> query) {
        int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        if (limit < 1 || limit > 1000) {
            throw StubHttp.invalid("limit", "limit must be 1-1000");
        }
        return limit;
    }

    private static ObjectNode messages(List<StubWorld.Message> messages) {
        ArrayNode list = StubHttp.JSON.createArrayNode();
        messages.forEach(m -> list.add(m.json()));
        ObjectNode answer = StubHttp.JSON.createObjectNode();
        answer.set("messages", list);
        return answer;
    }

    private static ObjectNode json(StubWorld.Thread thread) {
        List<StubWorld.Message> messages = List.copyOf(thread.messages());
        String first = messages.stream()
                .filter(m -> m.role().equals("user"))
                .map(StubWorld.Message::content)
                .findFirst()
                .orElse(null);
        ObjectNode json = StubHttp.JSON
                .createObjectNode()
                .put("id", thread.id())
                .put("agentId", thread.agentId().toString())
                .put("agentNumericId", thread.agentNumericId())
                .put("title", first)
                .put("firstMessage", first)
                .put("messageCount", messages.size())
                .put("createdBy", thread.createdBy())
                .put("createdAt", StubHttp.time(thread.createdAt()))
                .put(
                        "updatedAt",
                        StubHttp.time(
                                messages.isEmpty()
                                        ? thread.createdAt()
                                        : messages.get(messages.size() - 1).createdAt()));
        ArrayNode users = json.putArray("userIds");
        messages.stream()
                .map(StubWorld.Message::userId)
                .filter(u -> u != null)
                .distinct()
                .forEach(users::add);
        return json;
    }
}
