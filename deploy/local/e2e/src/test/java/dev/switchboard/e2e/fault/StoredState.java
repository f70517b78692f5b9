package dev.switchboard.e2e.fault;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the services stored, read from their databases on the stack's PostgreSQL: run-service's runs (the truth about
 * which runs there were and how they ended) and thread-service's tool-usage index (its call counts are not in the
 * public API, which shows only the tools' names).
 */
final class StoredState {

    static final List<String> TERMINAL = List.of("completed", "failed", "cancelled");

    /** A run as run-service stored it; {@code calculatorCalls}: how many of its tool calls were the calculator's. */
    record Run(String org, String id, String threadId, String agent, String status, String error, int calculatorCalls) {

        boolean terminal() {
            return TERMINAL.contains(status);
        }
    }

    private final String jdbcBase;

    /** {@code jdbc:postgresql://127.0.0.1:<port>/}, the embedded server's postgres/postgres. */
    StoredState(int postgresPort) {
        this.jdbcBase = "jdbc:postgresql://127.0.0.1:" + postgresPort + "/";
    }

    /** Every run of the organisations. */
    List<Run> runs(List<String> orgs) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (Connection c = connect("runs");
                PreparedStatement q = c.prepareStatement("select org_id, id, thread_id, agent_id, status, error, "
                        + "tools_used from runs where org_id = any (?)")) {
            q.setArray(1, c.createArrayOf("text", orgs.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    Array tools = r.getArray("tools_used");
                    int calculator = tools == null
                            ? 0
                            : (int) Arrays.stream((Object[]) tools.getArray())
                                    .filter("calculator"::equals)
                                    .count();
                    runs.add(new Run(
                            r.getString("org_id"),
                            r.getString("id"),
                            r.getString("thread_id"),
                            r.getString("agent_id"),
                            r.getString("status"),
                            r.getString("error"),
                            calculator));
                }
            }
        }
        return runs;
    }

    /** Runs of the organisations that are not in a terminal state. */
    List<Run> unfinished(List<String> orgs) throws SQLException {
        return runs(orgs).stream().filter(r -> !r.terminal()).toList();
    }

    /** thread id to the calculator's call count in thread-service's tool-usage index. */
    Map<String, Integer> calculatorIndex(List<String> orgs) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = connect("threads");
                PreparedStatement q = c.prepareStatement("select thread_id, call_count from thread_tool_usage "
                        + "where tool_name = 'calculator' and org_id = any (?)")) {
            q.setArray(1, c.createArrayOf("text", orgs.toArray()));
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return counts;
    }

    /** How many run events thread-service has recorded as applied. */
    long processedEvents() throws SQLException {
        try (Connection c = connect("threads");
                PreparedStatement q = c.prepareStatement("select count(*) from processed_events");
                ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcBase + database, "postgres", "postgres");
    }
}
