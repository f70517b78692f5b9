package dev.switchboard.run.repository;

import dev.switchboard.run.Run;
import dev.switchboard.run.RunKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Runs, always scoped by org. */
@ApplicationScoped
@WithSession
public class RunRepository implements PanacheRepositoryBase<Run, RunKey> {

    /** The run if it belongs to the org, else null. */
    public Uni<Run> findInOrg(String orgId, UUID id) {
        return find("id = ?1 and orgId = ?2", id, orgId).firstResult();
    }
}
