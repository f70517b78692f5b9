package dev.switchboard.thread.listing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one conversation listing: filters, then the keyset position, newest activity first. Every
 * filter is answered from an index in page order: (org, updated_at, id) or (org, agent, updated_at, id) on
 * threads, (org, user, updated_at, thread) on thread_participants (which carries the thread's tool names) when a
 * participant is asked for, and otherwise the (thread, tool) key of the tool-usage index; message bodies are
 * never read.
 */
final class ConversationQuery {

    /** A statement and its positional parameters ($1, $2, ...). */
    record Sql(String text, List<Object> parameters) {}

    private static final String COLUMNS = "t.id, t.agent_numeric_id, t.first_message, t.title, t.message_count, "
            + "t.created_at, t.updated_at, t.user_ids";

    private final String where;
    private final List<Object> filterParameters;
    private final boolean byUser;
    private final boolean byAgent;
    private final boolean onlyTool;
    /** The (time, id) pair the listing is ordered and paged by. */
    private final String time;

    private final String id;

    ConversationQuery(ConversationFilter filter, Instant now) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(filter.orgId());
        byUser = filter.userId() != null;
        byAgent = filter.agentNumericId() != 0;
        time = byUser ? "p.updated_at" : "t.updated_at";
        id = byUser ? "p.thread_id" : "t.id";
        StringBuilder sql = new StringBuilder(byUser ? "p.org_id = $1" : "t.org_id = $1");
        if (byUser) {
            sql.append(" and p.user_id = $").append(bind(parameters, filter.userId()));
        }
        if (byAgent) {
            sql.append(" and t.agent_numeric_id = $").append(bind(parameters, filter.agentNumericId()));
        }
        if (filter.toolName() != null && byUser) {
            // the participant row carries the thread's tool names: filtered while the index range is read
            sql.append(" and $").append(bind(parameters, filter.toolName())).append(" = any (p.tool_names)");
        } else if (filter.toolName() != null) {
            // thread ids are unique across organisations: the (thread_id, tool_name) key answers it alone
            sql.append(" and exists (select 1 from thread_tool_usage u where u.thread_id = ")
                    .append(id)
                    .append(" and u.tool_name = $")
                    .append(bind(parameters, filter.toolName()))
                    .append(")");
        }
        if (filter.timeframe() != null) {
            sql.append(" and ")
                    .append(time)
                    .append(" >= $")
                    .append(bind(parameters, filter.timeframe().since(now).atOffset(ZoneOffset.UTC)));
        }
        this.where = sql.toString();
        this.filterParameters = List.copyOf(parameters);
        this.onlyTool = filter.toolName() != null && !byAgent && !byUser && filter.timeframe() == null;
    }

    /**
     * One page of {@code limit} rows after {@code after} (keyset) or after {@code offset} rows (legacy page),
     * with each thread's tools (most used first) when asked for, and, when {@code countCap} is positive, the
     * capped count of every match in the same statement (column {@code capped}).
     */
    Sql page(PageToken after, int limit, long offset, boolean withTools, int countCap) {
        List<Object> parameters = new ArrayList<>(filterParameters);
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS);
        if (withTools) {
            sql.append(", array(select u.tool_name from thread_tool_usage u where u.thread_id = t.id")
                    .append(" order by u.call_count desc, u.tool_name) as tools");
        }
        if (countCap > 0) {
            sql.append(", (").append(cappedCount(countCap).text()).append(") as capped");
        }
        sql.append(" from ")
                .append(byUser ? "thread_participants p join threads t on t.id = p.thread_id" : "threads t")
                .append(" where ")
                .append(where);
        if (after != null) {
            sql.append(" and (")
                    .append(time)
                    .append(", ")
                    .append(id)
                    .append(") < ($")
                    .append(bind(parameters, after.updatedAt().atOffset(ZoneOffset.UTC)))
                    .append(", $")
                    .append(bind(parameters, after.threadId()))
                    .append(")");
        }
        sql.append(" order by ")
                .append(time)
                .append(" desc, ")
                .append(id)
                .append(" desc limit ")
                .append(limit);
        if (offset > 0) {
            sql.append(" offset ").append(offset);
        }
        return new Sql(sql.toString(), parameters);
    }

    /**
     * Counts the matches, but stops counting after {@code cap}; walks the same index as the page, so it never
     * scans a table.
     */
    Sql cappedCount(int cap) {
        if (onlyTool) {
            // the tool-usage index alone answers it: one row per (thread, tool), carrying the org
            return new Sql(
                    "select count(*) from (select 1 from thread_tool_usage u where u.org_id = $1"
                            + " and u.tool_name = $2 limit " + cap + ") matches",
                    filterParameters);
        }
        return new Sql(
                "select count(*) from (select 1 from " + countFrom() + " where " + where + " order by " + time
                        + " desc, " + id + " desc limit " + cap + ") matches",
                filterParameters);
    }

    /** The planner's estimate of all matches. */
    Sql estimate() {
        return new Sql("explain select 1 from " + countFrom() + " where " + where, filterParameters);
    }

    private String countFrom() {
        if (!byUser) {
            return "threads t";
        }
        return byAgent ? "thread_participants p join threads t on t.id = p.thread_id" : "thread_participants p";
    }

    private static int bind(List<Object> parameters, Object value) {
        parameters.add(value);
        return parameters.size();
    }
}
