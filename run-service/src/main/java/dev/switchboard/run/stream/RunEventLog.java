package dev.switchboard.run.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.run.Caller;
import dev.switchboard.run.RunKey;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The persisted stream of every run ({@code run_stream_events}): written as the run goes, read by any replica
 * to replay a stream from a sequence number, kept for {@code switchboard.runs.stream.retention}.
 */
@ApplicationScoped
public class RunEventLog {

    private final Pool pool;
    private final ObjectMapper json;

    public RunEventLog(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** Appends events (idempotent per run and sequence number). */
    public Uni<Void> append(RunKey run, List<StreamEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Tuple> rows = new ArrayList<>(events.size());
        for (StreamEvent e : events) {
            rows.add(Tuple.tuple(List.of(run.orgId(), run.id(), e.seq(), e.type(), write(e), now)));
        }
        return pool.preparedQuery("insert into run_stream_events (org_id, run_id, seq, type, data, created_at) "
                        + "values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
                .executeBatch(rows)
                .replaceWithVoid();
    }

    /** The run's events after {@code seq}, in order (at most 1000). */
    public Uni<List<StreamEvent>> since(RunKey run, int seq) {
        return since(run, seq, 1000);
    }

    /** The run's events after {@code seq}, in order, at most {@code limit}. */
    public Uni<List<StreamEvent>> since(RunKey run, int seq, int limit) {
        return pool.preparedQuery("select seq, type, data from run_stream_events where org_id = $1 and run_id = $2 "
                        + "and seq > $3 order by seq limit $4")
                .execute(Tuple.of(run.orgId(), run.id(), seq, limit))
                .map(rows -> {
                    List<StreamEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new StreamEvent(
                                row.getInteger("seq"), row.getString("type"), read(row.getString("data"))));
                    }
                    return events;
                });
    }

    /** The thread of the run if the caller reaches the run (see {@link Caller#reaches}), else null. */
    public Uni<String> threadOf(Caller caller, UUID runId) {
        return pool.preparedQuery(
                        "select thread_id from runs where org_id = $1 and id = $2 " + "and ($3 or user_id = $4)")
                .execute(Tuple.of(caller.orgId(), runId, caller.reachesOrganisation(), caller.userId()))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /** Deletes the events written before {@code before}; the number deleted. */
    public Uni<Integer> deleteBefore(Instant before) {
        return pool.preparedQuery("delete from run_stream_events where created_at < $1")
                .execute(Tuple.of(before.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }

    private String write(StreamEvent event) {
        try {
            return json.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stream event " + data, e);
        }
    }
}
