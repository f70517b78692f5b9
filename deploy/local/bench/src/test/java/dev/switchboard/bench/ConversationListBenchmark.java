package dev.switchboard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.infra.Ports;
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
    private static final int WARMUP = 100;
    private static final int SAMPLES = 300;

    @Test
    void listConversationsAtScale() throws Exception {
        int threads = Integer.getInteger("bench.threads", 1_000_000);
        Path root = Path.of(System.getProperty("switchboard.root", "../../..")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("SWITCHBOARD_HOME", Files.createTempDirectory("switchboard-bench-").toString());
        for (String port : List.of("SWITCHBOARD_GATEWAY_PORT", "SWITCHBOARD_AGENT_PORT", "SWITCHBOARD_THREAD_PORT",
                "SWITCHBOARD_RUN_PORT", "SWITCHBOARD_PG_PORT", "SWITCHBOARD_KAFKA_PORT",
                "SWITCHBOARD_KAFKA_CONTROLLER_PORT")) {
            env.put(port, String.valueOf(Ports.free()));
        }
        StackSettings settings = StackSettings.fromEnvironment(root, env);
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
                for (Map.Entry<String, String> c : cases.entrySet()) {
                    report.append(measure(settings.gatewayUrl(), token, c.getKey(), c.getValue())).append('\n');
                }
                report.append(deepPages(settings.gatewayUrl(), token)).append('\n');
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
            st.execute("vacuum analyze threads");
            st.execute("vacuum analyze thread_tool_usage");
        }
    }

    private static String measure(String gateway, String token, String name, String query) throws Exception {
        String path = "/api/v1/skills/0/conversations" + (query.isEmpty() ? "" : "?" + query);
        HttpClient http = HttpClient.newHttpClient();
        JsonNode last = null;
        for (int i = 0; i < WARMUP; i++) {
            last = get(http, gateway + path, token);
        }
        double[] ms = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            long t = System.nanoTime();
            last = get(http, gateway + path, token);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return row(name, ms, last.get("conversations").size(), last.get("totalCount").asLong());
    }

    /** Follows nextPageToken 60 pages deep, timing pages 11 to 60. */
    private static String deepPages(String gateway, String token) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Double> ms = new ArrayList<>();
        JsonNode page = null;
        for (int round = 0; round < 4; round++) {
            String next = null;
            for (int p = 0; p < 60; p++) {
                String url = gateway + "/api/v1/skills/0/conversations?pageSize=10"
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
        String base = "select t.* from threads t where t.org_id = '" + ORG + "'";
        String user = " and t.user_ids @> array[cast('user-42' as text)]";
        String tool = " and exists (select 1 from thread_tool_usage u where u.thread_id = t.id and u.org_id = t.org_id"
                + " and u.tool_name = 'tool-7')";
        String week = " and t.updated_at >= now() - interval '7 days'";
        String order = " order by t.updated_at desc, t.id desc limit 11";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("no filter, page", base + order);
        queries.put("no filter, capped count", "select count(*) from (select 1 from threads t where t.org_id = '"
                + ORG + "'" + order.replace("limit 11", "limit 10001") + ") m");
        queries.put("userId, page", base + user + order);
        queries.put("toolName, page", base + tool + order);
        queries.put("toolName, capped count", "select count(*) from (select 1 from thread_tool_usage u where "
                + "u.org_id = '" + ORG + "' and u.tool_name = 'tool-7' limit 10001) m");
        queries.put("combined, capped count", "select count(*) from (select 1 from threads t where t.org_id = '"
                + ORG + "'" + user + tool + week + order.replace("limit 11", "limit 10001") + ") m");
        queries.put("last_7_days, page", base + week + order);
        queries.put("combined, page", base + user + tool + week + order);
        queries.put("deep page (keyset)", base + " and (t.updated_at, t.id) < (now() - interval '10 days', 'b0')"
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
