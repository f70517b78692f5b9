package dev.switchboard.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.stub.StubHttp;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/** agent-service's internal agent routes as docs/internal-api.md describes them, over {@link StubWorld}. */
public class AgentServiceStub extends WorldStub {

    private static final String PREFIX = "/internal/agents";

    AgentServiceStub(StubWorld world) {
        super("agent-service", world, world.teams()::agentService);
    }

    @Override
    protected void handle(HttpExchange exchange, StubHttp.Caller caller, String body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(PREFIX) && method.equals("POST")) {
            StubHttp.send(exchange, 201, json(create(caller, StubHttp.json(body))));
        } else if (path.equals(PREFIX) && method.equals("GET")) {
            ArrayNode list = StubHttp.JSON.createArrayNode();
            world.agents(caller.org()).forEach(a -> list.add(json(a)));
            ObjectNode answer = StubHttp.JSON.createObjectNode();
            answer.set("agents", list);
            StubHttp.send(exchange, 200, answer);
        } else if (path.startsWith(PREFIX + "/") && method.equals("GET")) {
            StubHttp.send(exchange, 200, json(find(caller, path.substring(PREFIX.length() + 1))));
        } else if (path.startsWith(PREFIX + "/") && method.equals("PATCH")) {
            StubWorld.Agent agent = find(caller, path.substring(PREFIX.length() + 1));
            StubHttp.send(exchange, 200, json(update(caller, agent, StubHttp.json(body))));
        } else {
            throw StubHttp.notFound("no such route: " + path, null);
        }
    }

    private StubWorld.Agent find(StubHttp.Caller caller, String ref) {
        return world.agent(caller.org(), ref).orElseThrow(() -> StubHttp.notFound("agent " + ref + " not found", null));
    }

    private StubWorld.Agent create(StubHttp.Caller caller, JsonNode body) {
        String name = StubHttp.text(body, "name");
        String model = StubHttp.text(body, "model");
        String handle = StubHttp.text(body, "handle");
        if (name == null || name.isEmpty()) {
            throw StubHttp.invalid("name", "name is required");
        }
        if (model == null) {
            throw StubHttp.invalid("model", "model is required");
        }
        requireFreeHandle(caller, handle, null);
        StubWorld.Agent agent = world.addAgent(caller.org(), handle, name, model);
        String instructions = StubHttp.text(body, "instructions");
        StubWorld.Agent created = new StubWorld.Agent(
                agent.id(),
                agent.uuid(),
                agent.org(),
                handle,
                name,
                instructions == null ? "" : instructions,
                model,
                body.get("tools"),
                agent.createdAt(),
                agent.updatedAt());
        world.replace(created);
        return created;
    }

    private StubWorld.Agent update(StubHttp.Caller caller, StubWorld.Agent agent, JsonNode body) {
        String handle = StubHttp.text(body, "handle");
        if (handle != null) {
            requireFreeHandle(caller, handle, agent);
        }
        StubWorld.Agent updated = new StubWorld.Agent(
                agent.id(),
                agent.uuid(),
                agent.org(),
                handle != null ? handle : agent.handle(),
                Objects.requireNonNullElse(StubHttp.text(body, "name"), agent.name()),
                Objects.requireNonNullElse(StubHttp.text(body, "instructions"), agent.instructions()),
                Objects.requireNonNullElse(StubHttp.text(body, "model"), agent.model()),
                body.hasNonNull("tools") ? body.get("tools") : agent.tools(),
                agent.createdAt(),
                Instant.now());
        world.replace(updated);
        return updated;
    }

    private void requireFreeHandle(StubHttp.Caller caller, String handle, StubWorld.Agent self) {
        if (handle != null
                && world.agents(caller.org()).stream()
                        .anyMatch(a -> handle.equals(a.handle()) && (self == null || a.id() != self.id()))) {
            throw new StubHttp.Failure(409, "conflict", "handle " + handle + " is taken", "handle");
        }
    }

    static ObjectNode json(StubWorld.Agent agent) {
        ObjectNode json = StubHttp.JSON
                .createObjectNode()
                .put("id", agent.id())
                .put("uuid", agent.uuid().toString())
                .put("handle", agent.handle())
                .put("name", agent.name())
                .put("instructions", agent.instructions())
                .put("model", agent.model());
        json.set("tools", agent.tools() == null ? StubHttp.JSON.createArrayNode() : agent.tools());
        return json.put("createdAt", StubHttp.time(agent.createdAt()))
                .put("updatedAt", StubHttp.time(agent.updatedAt()));
    }
}
