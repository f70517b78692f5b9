package dev.switchboard.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.switchboard.local.testing.stub.StubHttp;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teams in the stubbed world, as docs/internal-api.md describes them: agent-service's {@code /internal/teams}
 * routes (create, list, read, change, delete and the import {@code PUT}) and run-service's
 * {@code POST /internal/teams/{id}/chat} (each answering member says {@code "echo: <message>"}).
 */
public final class StubTeams {

    private static final String PREFIX = "/internal/teams";

    /** A team as the stub keeps it. */
    public record Team(
            UUID id,
            String org,
            String name,
            List<UUID> agentIds,
            String summarizerModel,
            Instant createdAt,
            Instant updatedAt) {}

    private final StubWorld world;
    private final Map<UUID, Team> teams = new ConcurrentHashMap<>();

    StubTeams(StubWorld world) {
        this.world = world;
    }

    /** The team with that id in any org, if the stub has it. */
    public Team team(UUID id) {
        return teams.get(id);
    }

    /** agent-service's team routes; false for any other path. */
    boolean agentService(HttpExchange exchange, StubHttp.Caller caller, String body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return false;
        }
        if (path.equals(PREFIX) && method.equals("POST")) {
            JsonNode json = StubHttp.json(body);
            Instant now = Instant.now();
            Team team = new Team(
                    UUID.randomUUID(),
                    caller.org(),
                    name(json),
                    members(caller, json),
                    StubHttp.text(json, "summarizerModel"),
                    now,
                    now);
            teams.put(team.id(), team);
            StubHttp.send(exchange, 201, json(team));
        } else if (path.equals(PREFIX) && method.equals("GET")) {
            ObjectNode answer = StubHttp.JSON.createObjectNode();
            ArrayNode list = answer.putArray("teams");
            teams.values().stream()
                    .filter(t -> t.org().equals(caller.org()))
                    .sorted(Comparator.comparing(Team::createdAt))
                    .forEach(t -> list.add(json(t)));
            StubHttp.send(exchange, 200, answer);
        } else {
            String id = StubHttp.decode(path.substring(PREFIX.length() + 1));
            switch (method) {
                case "GET" -> StubHttp.send(exchange, 200, json(find(caller, id)));
                case "DELETE" -> {
                    teams.remove(find(caller, id).id());
                    exchange.sendResponseHeaders(204, -1);
                }
                case "PATCH" -> {
                    Team team = find(caller, id);
                    JsonNode json = StubHttp.json(body);
                    Team changed = new Team(
                            team.id(),
                            team.org(),
                            json.hasNonNull("name") ? name(json) : team.name(),
                            json.hasNonNull("agentIds") ? members(caller, json) : team.agentIds(),
                            json.hasNonNull("summarizerModel")
                                    ? StubHttp.text(json, "summarizerModel")
                                    : team.summarizerModel(),
                            team.createdAt(),
                            Instant.now());
                    teams.put(changed.id(), changed);
                    StubHttp.send(exchange, 200, json(changed));
                }
                case "PUT" -> importTeam(exchange, caller, UUID.fromString(id), StubHttp.json(body));
                default -> throw StubHttp.notFound("no such route: " + path, null);
            }
        }
        return true;
    }

    /** run-service's team chat; false for any other path. */
    boolean runService(HttpExchange exchange, StubHttp.Caller caller, String body) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("POST") || !path.startsWith(PREFIX + "/") || !path.endsWith("/chat")) {
            return false;
        }
        String id = StubHttp.decode(path.substring(PREFIX.length() + 1, path.length() - "/chat".length()));
        JsonNode json = StubHttp.json(body);
        String message = StubHttp.text(json, "message");
        if (message == null || message.isBlank()) {
            throw StubHttp.invalid("message", "message is required and must be 1 to 100000 characters");
        }
        String mode = json.hasNonNull("mode") ? StubHttp.text(json, "mode") : "brainstorm";
        Team team = find(caller, id);
        List<StubWorld.Agent> members = new ArrayList<>();
        for (UUID uuid : team.agentIds()) {
            members.add(world.agent(caller.org(), uuid.toString())
                    .orElseThrow(() -> StubHttp.notFound("agent not found", null)));
        }
        ObjectNode answer = StubHttp.JSON
                .createObjectNode()
                .put("summary", "summary: " + message)
                .put("mode", mode);
        ArrayNode responses = answer.putArray("responses");
        for (StubWorld.Agent member : "route".equals(mode) ? members.subList(0, 1) : members) {
            responses
                    .addObject()
                    .put("agentId", member.handle() != null ? member.handle() : Long.toString(member.id()))
                    .put("agentName", member.name())
                    .put("content", "echo: " + message);
        }
        StubHttp.send(exchange, 200, answer);
        return true;
    }

    private void importTeam(HttpExchange exchange, StubHttp.Caller caller, UUID id, JsonNode json) throws IOException {
        Team stored = teams.get(id);
        if (stored != null && !stored.org().equals(caller.org())) {
            throw new StubHttp.Failure(409, "conflict", "team id " + id + " is taken", "id");
        }
        List<UUID> members = new ArrayList<>();
        json.path("agentIds").forEach(uuid -> members.add(UUID.fromString(uuid.asText())));
        Team team = new Team(
                id,
                caller.org(),
                name(json),
                members,
                StubHttp.text(json, "summarizerModel"),
                Instant.parse(StubHttp.text(json, "createdAt")),
                Instant.parse(StubHttp.text(json, "updatedAt")));
        teams.put(id, team);
        StubHttp.send(exchange, stored == null ? 201 : 200, json(team));
    }

    private Team find(StubHttp.Caller caller, String id) {
        return teams.values().stream()
                .filter(t -> t.org().equals(caller.org()) && t.id().toString().equals(id))
                .findFirst()
                .orElseThrow(() -> StubHttp.notFound("team " + id + " not found", null));
    }

    private static String name(JsonNode json) {
        String name = StubHttp.text(json, "name");
        if (name == null || name.isBlank()) {
            throw StubHttp.invalid("name", "name is required and must be 1-200 characters");
        }
        return name.trim();
    }

    private List<UUID> members(StubHttp.Caller caller, JsonNode json) {
        JsonNode refs = json.path("agentIds");
        if (!refs.isArray() || refs.isEmpty() || refs.size() > 10) {
            throw StubHttp.invalid("agentIds", "agentIds must list 1 to 10 agents");
        }
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i).asText();
            String field = "agentIds[" + i + "]";
            members.add(world.agent(caller.org(), ref)
                    .orElseThrow(() -> StubHttp.notFound("agent " + ref + " not found", field))
                    .uuid());
        }
        return members;
    }

    private static ObjectNode json(Team team) {
        ObjectNode json =
                StubHttp.JSON.createObjectNode().put("id", team.id().toString()).put("name", team.name());
        ArrayNode members = json.putArray("agentIds");
        team.agentIds().forEach(uuid -> members.add(uuid.toString()));
        return json.put("summarizerModel", team.summarizerModel())
                .put("createdAt", StubHttp.time(team.createdAt()))
                .put("updatedAt", StubHttp.time(team.updatedAt()));
    }
}
