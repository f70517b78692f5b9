package dev.switchboard.gateway.repository;

import dev.switchboard.gateway.Team;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Teams, per organisation. */
@ApplicationScoped
@WithSession
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    public Uni<List<Team>> inOrg(String orgId) {
        return list("orgId = ?1", Sort.ascending("createdAt", "id"), orgId);
    }

    public Uni<Team> inOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResult();
    }
}
