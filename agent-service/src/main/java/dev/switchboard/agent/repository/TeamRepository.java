package dev.switchboard.agent.repository;

import dev.switchboard.agent.Team;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Teams, always read within one organisation (but for the import, which must see an id taken elsewhere). */
@ApplicationScoped
@WithSession
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    /** The organisation's teams, oldest first. */
    public Uni<List<Team>> inOrg(String orgId) {
        return list("orgId = ?1", Sort.ascending("createdAt", "id"), orgId);
    }

    /** The organisation's team with that id, or null. */
    public Uni<Team> inOrg(String orgId, UUID id) {
        return find("orgId = ?1 and id = ?2", orgId, id).firstResult();
    }
}
