package dev.switchboard.agent.repository;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentRef;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Agents, always read within one organisation. */
@ApplicationScoped
@WithSession
public class AgentRepository implements PanacheRepositoryBase<Agent, Long> {

    public Uni<List<Agent>> listByOrg(String orgId) {
        return list("orgId", Sort.by("id"), orgId);
    }

    /** The organisation's agent {@code ref} points at, or null. */
    public Uni<Agent> findByRef(String orgId, AgentRef ref) {
        if (ref instanceof AgentRef.ById byId) {
            return find("orgId = ?1 and id = ?2", orgId, byId.id()).firstResult();
        }
        if (ref instanceof AgentRef.ByUuid byUuid) {
            return find("orgId = ?1 and uuid = ?2", orgId, byUuid.uuid()).firstResult();
        }
        AgentRef.ByHandle byHandle = (AgentRef.ByHandle) ref;
        return find("orgId = ?1 and handle = ?2", orgId, byHandle.handle()).firstResult();
    }

    public Uni<Boolean> handleTaken(String orgId, String handle) {
        return count("orgId = ?1 and handle = ?2", orgId, handle).map(n -> n > 0);
    }
}
