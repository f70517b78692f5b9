package dev.switchboard.run.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.stub.StubHttp;
import dev.switchboard.local.testing.stub.StubServer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * agent-service as docs/internal-api.md describes the routes run-service calls:
 * {@code GET /internal/agents/{ref}}, ref = numeric id, UUID or handle, in the caller's org; 404 otherwise; and
 * {@code GET /internal/teams/{id}} (team chats).
 */
public class AgentServiceStub extends StubServer {

    /** An agent as the stub keeps it. */
    public record Agent(
            String org,
            long id,
            UUID uuid,
            String handle,
            String name,
            String instructions,
            String model,
            Instant createdAt,
            JsonNode tools) {}

    /** A team as the stub keeps it: members by agent UUID. */
    public record Team(String org, UUID id, String name, List<UUID> agentIds, String summarizerModel) {}

    private final List<Agent> agents = new CopyOnWriteArrayList<>();
    private final List<Team> teams = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(100);

    AgentServiceStub() {
        super("agent-service");
    }

    public Agent addAgent(String org, String name, String handle, String model) {
        return addAgent(org, name, handle, model, null);
    }

    /** An agent with {@code tools} as agent-service answers them, e.g. {@code [{"type": "builtin", ...}]}. */
    public Agent addAgent(String org, String name, String handle, String model, JsonNode tools) {
        Agent agent = new Agent(
                org,
                ids.incrementAndGet(),
                UUID.randomUUID(),
                handle,
                name,
                "You are " + name + ".",
                model,
                Instant.now(),
                tools);
        agents.add(agent);
        return agent;
    }

    public Team addTeam(String org, String name, List<UUID> agentIds, String summarizerModel) {
        Team team = new Team(org, UUID.randomUUID(), name, List.copyOf(agentIds), summarizerModel);
        teams.add(team);
        return team;
    }

    @Override
    protected void handle(HttpExchange exchange, String requestBody) throws IOException {
        StubHttp.Caller caller = StubHttp.caller(exchange);
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod()) && path.startsWith("/internal/teams/")) {
            String id = StubHttp.decode(path.substring("/internal/teams/".length()));
            Team team = teams.stream()
                    .filter(t ->
                            t.org().equals(caller.org()) && t.id().toString().equals(id))
                    .findFirst()
                    .orElseThrow(() -> StubHttp.notFound(null, "team " + id + " not found"));
            ObjectNode json = StubHttp.JSON
                    .createObjectNode()
                    .put("id", team.id().toString())
                    .put("name", team.name())
                    .put("summarizerModel", team.summarizerModel());
            team.agentIds().forEach(uuid -> json.withArray("agentIds").add(uuid.toString()));
            StubHttp.send(exchange, 200, json);
            return;
        }
        if (!"GET".equals(exchange.getRequestMethod()) || !path.startsWith("/internal/agents/")) {
            throw StubHttp.notFound("no such route in the stub: " + path, null);
        }
        String ref = StubHttp.decode(path.substring("/internal/agents/".length()));
        Agent agent = agents.stream()
                .filter(a -> a.org().equals(caller.org()) && matches(a, ref))
                .findFirst()
                .orElseThrow(() -> StubHttp.notFound("agent " + ref + " not found", null));
        StubHttp.send(exchange, 200, json(agent));
    }

    private static boolean matches(Agent agent, String ref) {
        if (ref.matches("\\d+")) {
            return Long.parseLong(ref) == agent.id();
        }
        if (ref.matches("[0-9a-fA-F-]{36}")) {
            return ref.equalsIgnoreCase(agent.uuid().toString());
        }
        return ref.equals(agent.handle());
    }

    private static ObjectNode json(Agent agent) {
        ObjectNode json = StubHttp.JSON.createObjectNode();
        if (agent.tools() != null) {
            json.set("tools", agent.tools());
        }
        return json.put("id", agent.id())
                .put("uuid", agent.uuid().toString())
                .put("handle", agent.handle())
                .put("name", agent.name())
                .put("instructions", agent.instructions())
                .put("model", agent.model())
                .put("createdAt", StubHttp.time(agent.createdAt()))
                .put("updatedAt", StubHttp.time(agent.createdAt()));
    }
}
