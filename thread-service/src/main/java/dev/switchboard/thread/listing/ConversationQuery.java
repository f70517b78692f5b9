package dev.switchboard.thread.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one conversation listing: filters, then the keyset position, newest activity first. Every
 * filter is answered from an index: (org, agent, updated_at, id), the GIN index on participants, and the
 * tool-usage index; message bodies are never read.
 */
final class ConversationQuery {

    /** A statement and its positional parameters (?1, ?2, ...). */
    record Sql(String text, List<Object> parameters) {
    }

    private final String where;
    private final List<Object> filterParameters;
    private final boolean onlyTool;

    ConversationQuery(ConversationFilter filter, Instant now) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.orgId());
        StringBuilder sql = new StringBuilder("t.org_id = ?1");
        if (filter.agentNumericId() != 0) {
            sql.append(" and t.agent_numeric_id = ?").append(bind(parameters, filter.agentNumericId()));
        }
        if (filter.userId() != null) {
            sql.append(" and t.user_ids @> array[cast(?").append(bind(parameters, filter.userId()))
                    .append(" as text)]");
        }
        if (filter.toolName() != null) {
            sql.append(" and exists (select 1 from thread_tool_usage u where u.thread_id = t.id")
                    .append(" and u.org_id = t.org_id and u.tool_name = ?")
                    .append(bind(parameters, filter.toolName())).append(")");
        }
        if (filter.timeframe() != null) {
            sql.append(" and t.updated_at >= ?").append(bind(parameters, filter.timeframe().since(now)));
        }
        this.where = sql.toString();
        this.filterParameters = List.copyOf(parameters);
        this.onlyTool = filter.toolName() != null && filter.agentNumericId() == 0 && filter.userId() == null
                && filter.timeframe() == null;
    }

    /** One page of {@code limit} rows after {@code after} (keyset) or after {@code offset} rows (legacy page). */
    Sql page(PageToken after, int limit, long offset) {
        List<Object> parameters = new ArrayList<>(filterParameters);
        StringBuilder sql = new StringBuilder("select t.* from threads t where ").append(where);
        if (after != null) {
            sql.append(" and (t.updated_at, t.id) < (?").append(bind(parameters, after.updatedAt()))
                    .append(", ?").append(bind(parameters, after.threadId())).append(")");
        }
        sql.append(" order by t.updated_at desc, t.id desc limit ").append(limit);
        if (offset > 0) {
            sql.append(" offset ").append(offset);
        }
        return new Sql(sql.toString(), parameters);
    }

    /**
     * Counts the matches, but stops counting after {@code cap}; walks the same (org, updated_at, id) index
     * as the page, so it never scans the table.
     */
    Sql cappedCount(int cap) {
        if (onlyTool) {
            // the tool-usage index alone answers it: one row per (thread, tool), carrying the org
            return new Sql("select count(*) from (select 1 from thread_tool_usage u where u.org_id = ?1"
                    + " and u.tool_name = ?2 limit " + cap + ") matches", filterParameters);
        }
        return new Sql("select count(*) from (select 1 from threads t where " + where
                + " order by t.updated_at desc, t.id desc limit " + cap + ") matches", filterParameters);
    }

    /** The planner's estimate of all matches, for counts beyond the cap. */
    Sql estimate() {
        return new Sql("explain select 1 from threads t where " + where, filterParameters);
    }

    private static int bind(List<Object> parameters, Object value) {
        parameters.add(value);
        return parameters.size();
    }
}
