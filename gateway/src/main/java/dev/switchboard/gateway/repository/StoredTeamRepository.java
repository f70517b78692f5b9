package dev.switchboard.gateway.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The rows of the gateway's {@code teams} table (V2), kept from before teams moved to agent-service: read to hand
 * them over, deleted once agent-service has them. Nothing else reads or writes the table; a later release drops it.
 */
@ApplicationScoped
public class StoredTeamRepository {

    /** A team as the gateway stored it. */
    public record StoredTeam(
            UUID id,
            String orgId,
            String name,
            List<UUID> agentIds,
            String summarizerModel,
            Instant createdAt,
            Instant updatedAt) {}

    private final Pool pool;

    public StoredTeamRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every stored team, oldest first. */
    public Uni<List<StoredTeam>> all() {
        return pool.query("select id, org_id, name, agent_ids, summarizer_model, created_at, updated_at "
                        + "from teams order by created_at, id")
                .execute()
                .map(rows -> {
                    List<StoredTeam> teams = new ArrayList<>();
                    rows.forEach(row -> teams.add(of(row)));
                    return teams;
                });
    }

    public Uni<Void> delete(UUID id) {
        return pool.preparedQuery("delete from teams where id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    private static StoredTeam of(Row row) {
        return new StoredTeam(
                row.getUUID("id"),
                row.getString("org_id"),
                row.getString("name"),
                List.of(row.getArrayOfUUIDs("agent_ids")),
                row.getString("summarizer_model"),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
