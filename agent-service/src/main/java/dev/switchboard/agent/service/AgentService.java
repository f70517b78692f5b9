package dev.switchboard.agent.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentRef;
import dev.switchboard.agent.AgentTool;
import dev.switchboard.agent.event.AgentEventOutbox;
import dev.switchboard.agent.repository.AgentRepository;
import dev.switchboard.agent.rest.AgentResponse;
import dev.switchboard.agent.rest.CreateAgentRequest;
import dev.switchboard.agent.rest.UpdateAgentRequest;
import dev.switchboard.agent.tool.AgentToolsReader;
import dev.switchboard.agent.tool.MaskedValues;
import dev.switchboard.agent.tool.ToolSecrets;
import dev.switchboard.platform.events.OutboxRelay;
import dev.switchboard.platform.web.Causes;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.platform.web.error.Found;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates, reads and updates the agents of one organisation. Every change writes its event to the outbox in
 * the same transaction and nudges the {@link OutboxRelay} once it committed.
 */
@ApplicationScoped
public class AgentService {

    static final String HANDLE_CONSTRAINT = "agents_org_handle_key";

    private final AgentRepository agents;
    private final AgentEventOutbox events;
    private final AgentMapper mapper;
    private final ToolSecrets secrets;
    private final OutboxRelay relay;

    AgentService(
            AgentRepository agents,
            AgentEventOutbox events,
            AgentMapper mapper,
            ToolSecrets secrets,
            OutboxRelay relay) {
        this.agents = agents;
        this.events = events;
        this.mapper = mapper;
        this.secrets = secrets;
        this.relay = relay;
    }

    /** Creates the agent and its {@code agent.created} event in one transaction, then nudges the relay. */
    public Uni<AgentResponse> create(String orgId, CreateAgentRequest request) {
        String handle = request.handle();
        return Panache.withTransaction(() -> readNewTools(request.tools())
                        .call(() -> checkHandleShape(handle))
                        .call(() -> ensureHandleFree(orgId, handle))
                        .chain(tools -> agents.persistAndFlush(newAgent(orgId, request, tools)))
                        .onFailure(AgentService::isHandleConflict)
                        .transform(failure -> handleTaken(handle))
                        .call(events::created)
                        .map(mapper::toResponse))
                .invoke(relay::nudge);
    }

    private Agent newAgent(String orgId, CreateAgentRequest request, List<AgentTool> tools) {
        Instant now = Instant.now();
        Agent agent =
                Agent.create(orgId, request.handle(), request.name(), request.instructions(), request.model(), now);
        agent.replaceTools(secrets.seal(agent.uuid, tools), secrets.keyId(), agent.createdAt);
        return agent;
    }

    @WithSession
    public Uni<List<AgentResponse>> list(String orgId) {
        return agents.listByOrg(orgId).map(mapper::toResponses);
    }

    @WithSession
    public Uni<AgentResponse> get(String orgId, String ref) {
        return find(orgId, ref).map(mapper::toResponse);
    }

    /** Changes the agent and writes {@code agent.updated} (if anything changed) in one transaction, then nudges. */
    public Uni<AgentResponse> update(String orgId, String ref, UpdateAgentRequest request) {
        String handle = request.handle();
        return Panache.withTransaction(() -> readTools(request.tools())
                        .chain(tools -> checkHandleShape(handle)
                                .chain(() -> find(orgId, ref))
                                .call(agent -> applyChanges(agent, orgId, request, tools)))
                        .map(mapper::toResponse))
                .invoke(relay::nudge);
    }

    private Uni<Void> applyChanges(Agent found, String orgId, UpdateAgentRequest request, List<AgentTool> tools) {
        String handle = request.handle();
        return Uni.createFrom()
                .item(found)
                .call(agent -> handle == null || handle.equals(agent.handle)
                        ? Uni.createFrom().voidItem()
                        : ensureHandleFree(orgId, handle))
                .call(agent -> {
                    Instant now = Instant.now();
                    boolean changed = agent.apply(handle, request.name(), request.instructions(), request.model(), now);
                    List<AgentTool> current = secrets.open(agent);
                    List<AgentTool> wanted = MaskedValues.restore(tools, current);
                    if (wanted != null && !wanted.equals(current)) {
                        agent.replaceTools(secrets.seal(agent.uuid, wanted), secrets.keyId(), now);
                        changed = true;
                    }
                    if (!changed) {
                        return Uni.createFrom().voidItem();
                    }
                    return agents.flush()
                            .onFailure(AgentService::isHandleConflict)
                            .transform(failure -> handleTaken(handle))
                            .chain(() -> events.updated(agent));
                })
                .replaceWithVoid();
    }

    /** The request's tools (null: not given), or a 400 naming the field at fault. */
    private static Uni<List<AgentTool>> readTools(JsonNode tools) {
        return Uni.createFrom().item(() -> AgentToolsReader.read(tools));
    }

    /** On create, a masked value ({@code "***"}) stands for nothing: it is refused. */
    private static Uni<List<AgentTool>> readNewTools(JsonNode tools) {
        return readTools(tools).map(read -> MaskedValues.restore(read, List.of()));
    }

    private Uni<Agent> find(String orgId, String ref) {
        Optional<AgentRef> parsed = AgentRef.parse(ref);
        if (parsed.isEmpty()) {
            return Uni.createFrom().failure(ApiException.notFound("agent not found"));
        }
        return Found.orNotFound(agents.findByRef(orgId, parsed.get()), "agent not found");
    }

    /** A handle with the shape of a UUID could never be used as a reference: a UUID is tried first. */
    private static Uni<Void> checkHandleShape(String handle) {
        if (handle != null && AgentRef.looksLikeUuid(handle)) {
            return Uni.createFrom().failure(ApiException.invalid("handle must not have the shape of a UUID", "handle"));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> ensureHandleFree(String orgId, String handle) {
        if (handle == null) {
            return Uni.createFrom().voidItem();
        }
        return agents.handleTaken(orgId, handle)
                .chain(taken -> taken
                        ? Uni.createFrom().failure(handleTaken(handle))
                        : Uni.createFrom().voidItem());
    }

    private static ApiException handleTaken(String handle) {
        return ApiException.conflict("handle '" + handle + "' is already taken in this organisation", "handle");
    }

    /** The unique (org, handle) constraint, when two writers race past {@link #ensureHandleFree}. */
    static boolean isHandleConflict(Throwable failure) {
        return Causes.any(failure, t -> t.getMessage() != null && t.getMessage().contains(HANDLE_CONSTRAINT));
    }
}
