package dev.switchboard.agent.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentRef;
import dev.switchboard.agent.repository.AgentRepository;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.platform.web.error.Found;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A team's members as a client names them, each an agent of the organisation: by numeric id (a JSON number or
 * string, as the agent list shows it), UUID or handle. Every entry's shape is checked before any is looked up; the
 * first that names no agent of the organisation is 404 naming that entry.
 */
@ApplicationScoped
public class TeamMembers {

    static final int MAX_MEMBERS = 10;
    static final String FIELD = "agentIds";

    private final AgentRepository agents;

    TeamMembers(AgentRepository agents) {
        this.agents = agents;
    }

    /** The members' UUIDs, in order; null when {@code refs} is null and not {@code required}. */
    public Uni<List<UUID>> resolve(String orgId, List<JsonNode> refs, boolean required) {
        if (refs == null && !required) {
            return Uni.createFrom().nullItem();
        }
        List<String> named = references(refs);
        Uni<List<UUID>> found = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < named.size(); i++) {
            String ref = named.get(i);
            String field = FIELD + "[" + i + "]";
            found = found.call(uuids -> Found.orNotFound(find(orgId, ref.trim()), "agent " + ref + " not found", field)
                    .invoke(agent -> uuids.add(agent.uuid)));
        }
        return found;
    }

    /** Each entry as text (a JSON number as its digits), or 400 naming the first that cannot name an agent. */
    static List<String> references(List<JsonNode> refs) {
        if (refs == null || refs.isEmpty() || refs.size() > MAX_MEMBERS) {
            throw ApiException.invalid(FIELD + " must list 1 to " + MAX_MEMBERS + " agents", FIELD);
        }
        List<String> named = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            JsonNode ref = refs.get(i);
            String text = ref == null
                    ? null
                    : ref.isTextual() ? ref.textValue() : ref.isIntegralNumber() ? ref.asText() : null;
            String field = FIELD + "[" + i + "]";
            if (text == null || text.isBlank() || text.length() > 100) {
                throw ApiException.invalid(field + " must be an agent id, UUID or handle", field);
            }
            named.add(text);
        }
        return named;
    }

    private Uni<Agent> find(String orgId, String ref) {
        Optional<AgentRef> parsed = AgentRef.parse(ref);
        return parsed.isEmpty() ? Uni.createFrom().nullItem() : agents.findByRef(orgId, parsed.get());
    }
}
