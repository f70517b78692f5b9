package dev.switchboard.agent.repository;

import dev.switchboard.agent.Agent;
import dev.switchboard.agent.AgentRef;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
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

    /**
     * Up to {@code limit} agents, of every organisation, whose tools are not sealed yet ({@code secretsKeyId} null)
     * or sealed with one of {@code earlierKeyIds}, locked for update (another replica starting at the same time
     * waits, then skips what this one did).
     */
    public Uni<List<Agent>> lockUnsealed(Collection<String> earlierKeyIds, int limit) {
        var query = earlierKeyIds.isEmpty()
                ? find("secretsKeyId is null", Sort.by("id"))
                : find("secretsKeyId is null or secretsKeyId in ?1", Sort.by("id"), earlierKeyIds);
        return query.withLock(LockModeType.PESSIMISTIC_WRITE)
                .page(Page.ofSize(limit))
                .list();
    }

    /** How many agents have tools sealed with a key that is not in {@code knownKeyIds}. */
    public Uni<Long> countSealedWithOtherKeys(Collection<String> knownKeyIds) {
        return count("secretsKeyId is not null and secretsKeyId not in ?1", knownKeyIds);
    }

    /** The tools column as stored (JSON text), with fields the entity no longer maps. */
    public Uni<String> storedToolsJson(long id) {
        return getSession()
                .chain(session -> session.createNativeQuery(
                                "select tools::text from agents where id = :id", String.class)
                        .setParameter("id", id)
                        .getSingleResult());
    }

    public Uni<Boolean> handleTaken(String orgId, String handle) {
        return count("orgId = ?1 and handle = ?2", orgId, handle).map(n -> n > 0);
    }
}
