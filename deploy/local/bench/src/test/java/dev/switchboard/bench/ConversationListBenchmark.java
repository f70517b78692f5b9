package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.TestStacks;
import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.infra.RsaKeys;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed 001 at scale: 1,000,000 threads and 10,000,000 tool-usage rows across 1,000 users and 50 tools,
 * then {@code GET /api/v1/skills/0/conversations} through the gateway per filter case, and the plans of the
 * queries thread-service runs for them. Not part of {@code verify}; see docs/benchmarks.md.
 */
class ConversationListBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = "bench-org";
    private static final String PATH = "/api/v1/skills/0/conversations";
    /** Rounds of one request per case before anything is timed. */
    private static final int WARMUP = 300;
    private static final int SAMPLES = 300;

    @Test
    void listConversationsAtScale() throws Exception {
        int threads = Integer.getInteger("bench.threads", 1_000_000);
        Map<String, String> env = new HashMap<>();
        // sized for the data set, as a deployment holding a million threads would be
        env.put("SWITCHBOARD_PG_SHARED_BUFFERS", System.getenv().getOrDefault("SWITCHBOARD_PG_SHARED_BUFFERS", "1GB"));
        // one user sends far more than the default rate limits allow: raise them (still counted, as in production)
        env.put("SWITCHBOARD_GATEWAY_RATE_LIMITS_REQUESTS_PER_CALLER", "1000000/10s");
        env.put("SWITCHBOARD_GATEWAY_RATE_LIMITS_REQUESTS_PER_ORG", "1000000/10s");
        StackSettings settings = TestStacks.onFreePorts("switchboard-bench-", env);
        try (LocalStack stack = new LocalStack(settings, System.out)) {
            stack.start();
            String jdbc = "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/threads";
            try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                seed(db, threads);
                String token = new JwtSigner(RsaKeys.ensure(settings.home().resolve("keys"), "user").loadPrivateKey(),
                        LocalStack.USER_ISSUER).sign("user-42", ORG, Duration.ofHours(2));
                StringBuilder report = new StringBuilder();
                report.append(String.format("| case | requests | p50 ms | p95 ms | p99 ms | max ms | rows | totalCount |%n"
                        + "| --- | --- | --- | --- | --- | --- | --- | --- |%n"));
                Map<String, String> cases = new LinkedHashMap<>();
                cases.put("no filter", "");
                cases.put("userId", "userId=user-42");
                cases.put("toolName", "toolName=tool-7");
                cases.put("timeframe=last_7_days", "timeframe=last_7_days");
                cases.put("all combined", "userId=user-42&toolName=tool-7&timeframe=last_7_days&includeTools=true");
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // every service JIT-compiles its hot paths before any case is timed
                for (int i = 0; i < WARMUP; i++) {
                    for (String query : cases.values()) {
                        get(http, settings.gatewayUrl() + PATH + (query.isEmpty() ? "" : "?" + query), token);
                    }
                }
                for (Map.Entry<String, String> c : cases.entrySet()) {
                    report.append(measure(http, settings.gatewayUrl(), token, c.getKey(), c.getValue())).append('\n');
                }
                report.append(deepPages(http, settings.gatewayUrl(), token)).append('\n');
                report.append("\nPlans (EXPLAIN ANALYZE of the page and count queries thread-service runs):\n\n");
                report.append(plans(db));
                System.out.println(report);
                Path out = Path.of(System.getProperty("bench.report", "target/conversation-list-benchmark.md"));
                Files.createDirectories(out.getParent());
                Files.writeString(out, report.toString());
            }
        }
    }

    /** Straight into thread-service's database, like a long-running installation's data. */
    private static void seed(Connection db, int threads) throws Exception {
        long t0 = System.nanoTime();
        try (Statement st = db.createStatement()) {
            st.execute("set synchronous_commit = off");
            st.execute("set maintenance_work_mem = '256MB'");
            // the participant index is filled below in one statement rather than row by row by its trigger
            st.execute("set session_replication_role = replica");
            // the threads of 20 agents, 1,000 users (2 participants each), activity spread over ~30 days
            st.execute("insert into threads (id, org_id, agent_id, agent_numeric_id, title, first_message, created_by, "
                    + "created_at, updated_at, message_count, user_ids) "
                    + "select 'b' || lpad(g::text, 8, '0'), '" + ORG + "', gen_random_uuid(), 1 + g % 20, "
                    + "'Thread ' || g, 'First message of thread ' || g, 'user-' || (g % 1000), "
                    + "now() - interval '40 days', now() - (g * (2592000.0 / " + threads + ")) * interval '1 second', "
                    + "2 + g % 30, array['user-' || (g % 1000), 'user-' || ((g * 7 + 3) % 1000)] "
                    + "from generate_series(1, " + threads + ") g");
            System.out.printf("seeded %,d threads in %.0f s%n", threads, (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            // ten distinct tools of fifty per thread: 10 rows per thread
            st.execute("insert into thread_tool_usage (thread_id, tool_name, org_id, call_count, last_used_at) "
                    + "select 'b' || lpad(g::text, 8, '0'), 'tool-' || ((g + k * 5) % 50), '" + ORG + "', 1 + (g + k) % 4, "
                    + "now() - (g * (2592000.0 / " + threads + ")) * interval '1 second' "
                    + "from generate_series(1, " + threads + ") g, generate_series(0, 9) k");
            System.out.printf("seeded %,d tool-usage rows in %.0f s%n", threads * 10L, (System.nanoTime() - t1) / 1e9);
            long t2 = System.nanoTime();
            st.execute("insert into thread_participants (thread_id, user_id, org_id, updated_at, tool_names) "
                    + "select t.id, u.user_id, t.org_id, t.updated_at, coalesce(tu.names, '{}') from threads t "
                    + "left join (select thread_id, array_agg(tool_name order by tool_name) as names "
                    + "from thread_tool_usage group by thread_id) tu on tu.thread_id = t.id "
                    + "cross join lateral unnest(t.user_ids) as u(user_id) where t.org_id = '" + ORG + "' "
                    + "on conflict do nothing");
            System.out.printf("indexed %,d participants in %.0f s%n", threads * 2L, (System.nanoTime() - t2) / 1e9);
            st.execute("vacuum analyze threads");
            st.execute("vacuum analyze thread_tool_usage");
            st.execute("vacuum (freeze, analyze) thread_participants");
            // write the seeded pages out now, not while the requests are timed
            st.execute("checkpoint");
        }
    }

    private static String measure(HttpClient http, String gateway, String token, String name, String query)
            throws Exception {
        String path = PATH + (query.isEmpty() ? "" : "?" + query);
        JsonNode last = null;
        double[] ms = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            last = get(http, gateway + path, token);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return row(name, ms, last.get("conversations").size(), last.get("totalCount").asLong());
    }

    /** Follows nextPageToken 60 pages deep, timing pages 11 to 60. */
    private static String deepPages(HttpClient http, String gateway, String token) throws Exception {
        List<Double> ms = new ArrayList<>();
        JsonNode page = null;
        for (int round = 0; round < 4; round++) {
            String next = null;
            for (int p = 0; p < 60; p++) {
                String url = gateway + PATH + "?pageSize=10"
                        + (next == null ? "" : "&pageToken=" + next);
                long t = System.nanoTime();
                page = get(http, url, token);
                if (p >= 10 && round > 0) {
                    ms.add((System.nanoTime() - t) / 1e6);
                }
                next = page.get("nextPageToken").asText();
            }
        }
        return row("deep pages (pageToken, pages 11-60)", ms.stream().mapToDouble(Double::doubleValue).toArray(),
                page.get("conversations").size(), page.get("totalCount").asLong());
    }

    private static JsonNode get(HttpClient http, String url, String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": "
                    + new String(response.body()));
        }
        return JSON.readTree(response.body());
    }

    private static String row(String name, double[] ms, int rows, long total) {
        Arrays.sort(ms);
        return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %,d |", name, ms.length,
                pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99), ms[ms.length - 1], rows, total);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** The statements of ConversationQuery for each case, with the benchmark's values. */
    private static String plans(Connection db) throws Exception {
        String cols = "select t.id, t.agent_numeric_id, t.first_message, t.title, t.message_count, t.created_at, "
                + "t.updated_at, t.user_ids";
        String threads = " from threads t where t.org_id = '" + ORG + "'";
        String byUser = " from thread_participants p join threads t on t.id = p.thread_id where p.org_id = '" + ORG
                + "' and p.user_id = 'user-42'";
        String tool = " and exists (select 1 from thread_tool_usage u where u.thread_id = %s and u.tool_name = 'tool-7')";
        String week = " and %s >= now() - interval '7 days'";
        String order = " order by t.updated_at desc, t.id desc limit 11";
        String userOrder = " order by p.updated_at desc, p.thread_id desc limit 11";
        String combinedWhere = byUser + " and 'tool-7' = any (p.tool_names)" + String.format(week, "p.updated_at");
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("no filter, page", cols + threads + order);
        queries.put("userId, page", cols + byUser + userOrder);
        queries.put("userId, capped count", "select count(*) from (select 1 from thread_participants p where p.org_id = '"
                + ORG + "' and p.user_id = 'user-42' order by p.updated_at desc, p.thread_id desc limit 10001) m");
        queries.put("toolName, page", cols + threads + String.format(tool, "t.id") + order);
        queries.put("last_7_days, page", cols + threads + String.format(week, "t.updated_at") + order);
        queries.put("combined, page (with tools)", cols + ", array(select u.tool_name from thread_tool_usage u "
                + "where u.thread_id = t.id order by u.call_count desc, u.tool_name) as tools" + combinedWhere
                + userOrder);
        queries.put("combined, capped count", "select count(*) from (select 1" + combinedWhere.replace(
                " join threads t on t.id = p.thread_id", "") + userOrder.replace("limit 11", "limit 10001") + ") m");
        queries.put("deep page (keyset)", cols + threads + " and (t.updated_at, t.id) < (now() - interval '10 days', 'b0')"
                + order);
        StringBuilder out = new StringBuilder();
        try (Statement st = db.createStatement()) {
            for (Map.Entry<String, String> q : queries.entrySet()) {
                out.append("- ").append(q.getKey()).append(":\n\n```\n");
                try (ResultSet rs = st.executeQuery("explain (analyze, costs off) " + q.getValue())) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append('\n');
                    }
                }
                out.append("```\n");
            }
        }
        return out.toString();
    }
}
