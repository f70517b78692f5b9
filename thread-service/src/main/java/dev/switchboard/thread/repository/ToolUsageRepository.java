package dev.switchboard.thread.repository;

import dev.switchboard.thread.ThreadToolUsage;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The tool-usage index: which tools ran in which thread, and how often. */
@ApplicationScoped
@WithSession
public class ToolUsageRepository implements PanacheRepositoryBase<ThreadToolUsage, ThreadToolUsage.Key> {

    /** Adds {@code calls} calls of the tool to the thread's count. */
    public Uni<Integer> add(String orgId, String threadId, String tool, int calls, Instant at) {
        return NativeSql.update(
                "insert into thread_tool_usage (thread_id, tool_name, org_id, call_count, last_used_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict (thread_id, tool_name) do update set "
                        + "call_count = thread_tool_usage.call_count + excluded.call_count, "
                        + "last_used_at = greatest(thread_tool_usage.last_used_at, excluded.last_used_at)",
                threadId,
                tool,
                orgId,
                calls,
                at);
    }
}
