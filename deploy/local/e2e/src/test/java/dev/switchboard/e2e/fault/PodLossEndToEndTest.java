package dev.switchboard.e2e.fault;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.ServiceProcess;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.infra.JwtSigner;
import dev.switchboard.local.infra.RsaKeys;
import dev.switchboard.local.testing.TestStacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's fault test: two replicas of every service under steady load from four clients (two organisations;
 * buffered and streamed chats, some calling the calculator, over many threads, spread over both gateway replicas),
 * while the test, in turn, kills (kill -9) one replica of each service and restarts it, stops a run-service replica
 * with SIGTERM (it drains), stops Kafka for 30 s, and restarts a thread-service replica while the backlog Kafka kept is
 * being consumed. Afterwards, once the stack has converged: every chat a client saw succeed is stored once (its
 * message and its answer), every run ended, every run is counted once in its thread's summary and tool-usage index,
 * {@code run-events} is in order per thread without duplicate ids, and no client saw anything but answers, and 503s
 * with a Retry-After: never another 5xx nor a hang.
 *
 * <p>Part of {@code ./mvnw -B verify} (tagged {@code fault}: {@code -De2e.excludedGroups=fault} leaves it out).
 */
@Tag("fault")
class PodLossEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ORGS = List.of("demo-org", "fault-org");
    /** Every wait for the stack to converge or recover is bounded by this (generous on a 2-core machine). */
    private static final Duration CONVERGE = Duration.ofSeconds(90);

    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(30);
    private static final int CLIENTS_PER_ORG = 2;
    private static final int THREADS_PER_CLIENT = 3;

    private static TaggedModel model;
    private static LocalStack stack;
    private static StackSettings settings;
    private static StoredState stored;
    private static JwtSigner users;
    private static final Map<String, String> adminTokens = new HashMap<>();
    private static final Map<String, String> agents = new HashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final FaultLog faults = new FaultLog();
    private final Tally tally = new Tally();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, CompletableFuture<Void>> restarting = new LinkedHashMap<>();

    @BeforeAll
    static void bootTwoReplicasOfEverything() throws Exception {
        model = new TaggedModel().start();
        Map<String, String> env = new HashMap<>();
        env.put("SWITCHBOARD_OPENAI_BASE_URL", model.url());
        env.put("SWITCHBOARD_REPLICAS", "2");
        // the load is far above one caller's default run rate; rate limits have their own test
        env.put("SWITCHBOARD_GATEWAY_RATE_LIMITS_ENABLED", "false");
        // eight service JVMs and the load share two cores: the quick compiler only, which starts (and restarts)
        // them in far less CPU; what the test measures is what survives a fault, not throughput
        env.put("SWITCHBOARD_SERVICE_JAVA_OPTS", StackSettings.DEFAULT_JAVA_OPTIONS + " -XX:TieredStopAtLevel=1");
        settings = TestStacks.onFreePorts("switchboard-e2e-podloss-", env);
        stack = new LocalStack(settings, System.out);
        stack.start();
        stored = new StoredState(settings.postgresPort());
        users = new JwtSigner(
                RsaKeys.ensure(settings.home().resolve("keys"), "user").loadPrivateKey(), LocalStack.USER_ISSUER);
        for (String org : ORGS) {
            adminTokens.put(
                    org, users.sign("admin-" + org, org, Duration.ofHours(2), Map.of("groups", List.of("admin"))));
            JsonNode agent = call(
                    adminTokens.get(org),
                    "POST",
                    "/api/v1/agents",
                    "{\"name\": \"Maths\", \"model\": \"gpt-5-mini\", "
                            + "\"tools\": [{\"type\": \"builtin\", \"name\": \"calculator\"}]}",
                    201);
            agents.put(org, agent.get("uuid").asText());
        }
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            System.out.println("pod-loss test: the services' logs are in "
                    + settings.home().resolve("logs"));
            stack.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void chatsSurviveKilledReplicasADrainAKafkaOutageAndARestartedConsumer() throws Exception {
        long t0 = System.nanoTime();
        long[] loadEnded = {0};
        try {
            List<ChatClient> clients = clients();
            ExecutorService load = Executors.newFixedThreadPool(clients.size());
            clients.forEach(load::submit);
            boolean stopped;
            try {
                awaitProgress("load running on two replicas of everything", 12);
                injectFaults();
                awaitProgress("load after the last fault", 12);
            } finally {
                stop.set(true);
                load.shutdown();
                stopped = load.awaitTermination(ChatClient.DEADLINE.toSeconds() * 2 + 15, TimeUnit.SECONDS);
                loadEnded[0] = System.nanoTime();
            }
            assertTrue(stopped, "the clients stopped");
            // every check runs, and each failure is reported
            assertAll(
                    this::verifyClientsSawOnlyAnswersAnd503s,
                    this::verifyEveryRunEnded,
                    () -> verifyRunEvents(stored.runs(ORGS)),
                    () -> verifyToolUsageIndex(stored.runs(ORGS)),
                    () -> verifyThreads(stored.runs(ORGS)));
        } finally {
            printCounts(t0, loadEnded[0] == 0 ? System.nanoTime() : loadEnded[0]);
        }
    }

    /** Two clients per organisation, each with threads of its own, created before the faults. */
    private List<ChatClient> clients() throws Exception {
        List<ChatClient> clients = new ArrayList<>();
        List<Integer> gatewayPorts =
                stack.replicas("gateway").stream().map(ServiceProcess::port).toList();
        for (String org : ORGS) {
            for (int c = 0; c < CLIENTS_PER_ORG; c++) {
                String name = (org.equals(ORGS.get(0)) ? "a" : "b") + c;
                // each client is a user of its own (an admin: the test reads every thread of the organisation)
                String token = users.sign("user-" + name, org, Duration.ofHours(2), Map.of("groups", List.of("admin")));
                List<String> threads = new ArrayList<>();
                for (int t = 0; t < THREADS_PER_CLIENT; t++) {
                    threads.add(call(
                                    token,
                                    "POST",
                                    "/api/agents/" + agents.get(org) + "/conversations",
                                    "{\"title\": \"" + name + " thread " + t + "\"}",
                                    201)
                            .get("id")
                            .asText());
                }
                clients.add(new ChatClient(
                        name,
                        org,
                        token,
                        agents.get(org),
                        settings.gatewayUrls(),
                        gatewayPorts,
                        threads,
                        faults,
                        tally,
                        stop));
            }
        }
        return clients;
    }

    /** The faults, in turn, each while the load goes on. */
    private void injectFaults() throws Exception {
        // kill -9 one replica of each service; chats go on through the other one, while it starts again
        for (String service : List.of("run-service", "thread-service", "agent-service", "gateway")) {
            int replica = service.equals("thread-service") || service.equals("gateway") ? 1 : 0;
            ServiceProcess victim = stack.replicas(service).get(replica);
            faults.down(victim.port());
            victim.kill();
            awaitProgress(service + " replica " + replica + " killed", 8);
            restartInBackground(victim, "kill -9", service);
        }

        // SIGTERM: run-service's other replica drains its runs and stops; chats go on through the restarted one
        settle("run-service");
        ServiceProcess draining = stack.replicas("run-service").get(1);
        faults.down(draining.port());
        int exit = draining.terminate();
        System.out.println("run-service replica 1 drained and exited with " + exit);
        awaitProgress("run-service replica 1 stopped by SIGTERM", 8);
        restartInBackground(draining, "SIGTERM", "run-service");

        // Kafka away for 30 s: chats go on (events wait in the outboxes), then the backlog flows
        faults.down(-1);
        long kafkaStopped = System.nanoTime();
        stack.stopKafka();
        awaitProgress("Kafka stopped", 8);
        long left = KAFKA_OUTAGE.toMillis() - (System.nanoTime() - kafkaStopped) / 1_000_000;
        if (left > 0) {
            Thread.sleep(left); // the outage's length is the scenario, not a wait for something
        }
        stack.startKafka();
        faults.up("kafka", "Kafka", -1);

        // thread-service's consumer restarted while it works through that backlog
        settle("thread-service");
        long processed = stored.processedEvents();
        await("thread-service consuming again after Kafka's return")
                .atMost(CONVERGE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> stored.processedEvents() > processed);
        ServiceProcess consumer = stack.replicas("thread-service").get(0);
        faults.down(consumer.port());
        restartInBackground(consumer, "restart", "thread-service");
        for (String service : List.copyOf(restarting.keySet())) {
            settle(service);
        }
    }

    /**
     * Starts the replica again while the test goes on; {@link #settle} waits for it before the next fault of its
     * service (which always keeps one replica of each service up).
     */
    private void restartInBackground(ServiceProcess replica, String fault, String service) throws Exception {
        settle(service);
        restarting.put(service, CompletableFuture.runAsync(() -> restart(replica, fault, service)));
    }

    private void settle(String service) throws Exception {
        CompletableFuture<Void> pending = restarting.remove(service);
        if (pending != null) {
            pending.get(ServiceProcess.READY_TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS);
        }
    }

    private void restart(ServiceProcess replica, String fault, String service) {
        try {
            replica.restart();
        } catch (Exception e) {
            throw new IllegalStateException(service + " did not restart after " + fault, e);
        }
        faults.up(fault, service, replica.port());
    }

    /** Waits until {@code chats} more chats succeeded: the stack serves through whatever the test did. */
    private void awaitProgress(String while_, int chats) {
        long before = tally.count(Chat.Outcome.SUCCEEDED);
        await(chats + " more chats succeed: " + while_)
                .atMost(CONVERGE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> tally.count(Chat.Outcome.SUCCEEDED) >= before + chats);
    }

    private void verifyClientsSawOnlyAnswersAnd503s() {
        List<Chat> broken = tally.with(Chat.Outcome.BROKEN);
        assertTrue(
                broken.isEmpty(),
                broken.size() + " chats saw what a client must never see (first 20):\n"
                        + broken.stream().limit(20).map(Chat::toString).collect(Collectors.joining("\n")));
    }

    private void verifyEveryRunEnded() {
        await("every run in a terminal state")
                .atMost(CONVERGE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> stored.unfinished(ORGS).isEmpty());
    }

    private void verifyRunEvents(List<StoredState.Run> runs) {
        String kafka = "127.0.0.1:" + settings.kafkaPort();
        RunEventLog log = await("every run's end on run-events")
                .atMost(CONVERGE)
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> RunEventLog.read(kafka, "run-events"),
                        l -> runs.stream().allMatch(r -> l.ends().containsKey(r.id())));
        List<String> problems = new ArrayList<>(log.problems());
        Map<String, RunEventLog.Event> ends = log.ends();
        for (StoredState.Run run : runs) {
            if (!ends.get(run.id()).status().equals(run.status())) {
                problems.add("run " + run.id() + " is " + run.status() + " but run-events says "
                        + ends.get(run.id()).type());
            }
        }
        assertTrue(
                problems.isEmpty(),
                problems.size() + " problems on run-events (" + log.size() + " events; first 20):\n"
                        + problems.stream().limit(20).collect(Collectors.joining("\n")));
    }

    /** The calculator's call count per thread in the index equals the calculator calls of the thread's ended runs. */
    private void verifyToolUsageIndex(List<StoredState.Run> runs) throws Exception {
        Map<String, Integer> expected = new TreeMap<>();
        for (StoredState.Run run : runs) {
            if (run.calculatorCalls() > 0) {
                expected.merge(run.threadId(), run.calculatorCalls(), Integer::sum);
            }
        }
        await("the tool-usage index counts every run once")
                .atMost(CONVERGE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> new TreeMap<>(stored.calculatorIndex(ORGS)).equals(expected));
        assertEquals(expected, new TreeMap<>(stored.calculatorIndex(ORGS)));
        // the public API lists exactly those threads by tool (seed 001, read from the same index)
        for (String org : ORGS) {
            Set<String> threads = runs.stream()
                    .filter(r -> r.org().equals(org) && expected.containsKey(r.threadId()))
                    .map(StoredState.Run::threadId)
                    .collect(Collectors.toSet());
            JsonNode listed = call(
                    adminTokens.get(org),
                    "GET",
                    "/api/v1/skills/0/conversations?toolName=calculator&includeTools=true&pageSize=100",
                    null,
                    200);
            Set<String> shown = new HashSet<>();
            listed.path("conversations")
                    .forEach(c -> shown.add(c.path("threadId").asText()));
            assertEquals(threads, shown, org + ": the threads listed by toolName=calculator");
            assertEquals(threads.size(), listed.path("totalCount").asInt(), listed.toString());
        }
    }

    /**
     * Each thread's summary counts its messages; every chat a client saw succeed has its message and its answer
     * stored once, and every completed run its answer once.
     */
    private void verifyThreads(List<StoredState.Run> runs) throws Exception {
        Map<String, List<StoredState.Run>> byThread = runs.stream()
                .collect(Collectors.groupingBy(StoredState.Run::threadId, LinkedHashMap::new, Collectors.toList()));
        List<String> problems = new ArrayList<>();
        Map<String, List<Chat>> succeeded = new HashMap<>();
        for (Chat chat : tally.with(Chat.Outcome.SUCCEEDED)) {
            if (chat.threadId() == null || chat.threadId().isEmpty()) {
                problems.add(chat + ": the answer named no thread");
            } else {
                succeeded
                        .computeIfAbsent(chat.threadId(), t -> new ArrayList<>())
                        .add(chat);
            }
        }
        succeeded.forEach((thread, chats) -> {
            if (!byThread.containsKey(thread)) {
                problems.add(chats.get(0) + ": run-service has no run in its thread");
            }
        });
        for (Map.Entry<String, List<StoredState.Run>> thread : byThread.entrySet()) {
            String org = thread.getValue().get(0).org();
            String path = "/api/v1/agents/" + agents.get(org) + "/conversations/" + thread.getKey();
            JsonNode view = await("the summary of thread " + thread.getKey() + " counts its messages")
                    .atMost(CONVERGE)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> call(adminTokens.get(org), "GET", path, null, 200),
                            v -> v.path("messageCount").asInt()
                                    == v.path("messages").size());
            JsonNode messages = view.path("messages");
            for (Chat chat : succeeded.getOrDefault(thread.getKey(), List.of())) {
                List<JsonNode> asked = matching(messages, "user", chat.message());
                List<JsonNode> answered = matching(messages, "assistant", chat.answer());
                if (asked.size() != 1 || answered.size() != 1) {
                    problems.add(chat + ": its message stored " + asked.size() + " times, its answer " + answered.size()
                            + " times");
                    continue;
                }
                if (chat.runId() != null
                        && !chat.runId().equals(answered.get(0).path("runId").asText())) {
                    problems.add(chat + ": the answer is stored as run "
                            + answered.get(0).path("runId"));
                }
                if (chat.calculated()
                        && !answered.get(0).path("toolCalls").toString().contains("\"calculator\"")) {
                    problems.add(chat + ": the answer does not show its calculator call: " + answered.get(0));
                }
            }
            for (StoredState.Run run : thread.getValue()) {
                long answers = 0;
                for (JsonNode m : messages) {
                    if (m.path("role").asText().equals("assistant")
                            && run.id().equals(m.path("runId").asText())) {
                        answers++;
                    }
                }
                if (run.status().equals("completed") ? answers != 1 : answers > 1) {
                    problems.add("run " + run.id() + " (" + run.status() + ") has " + answers + " answers in thread "
                            + thread.getKey());
                }
            }
        }
        assertTrue(
                problems.isEmpty(),
                problems.size() + " problems in the stored threads (first 20):\n"
                        + problems.stream().limit(20).collect(Collectors.joining("\n")));
    }

    private static List<JsonNode> matching(JsonNode messages, String role, String content) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode m : messages) {
            if (m.path("role").asText().equals(role)
                    && m.path("content").asText().equals(content)) {
                found.add(m);
            }
        }
        return found;
    }

    private void printCounts(long t0, long loadEnded) {
        List<Chat> chats = List.copyOf(tally.chats);
        System.out.printf(
                "%npod-loss test: %d chats in %.0f s of load (%.0f s in all): %d succeeded (%d buffered seed 000, %d new"
                        + " threads, %d buffered seed 003, %d streamed; %d with the calculator), %d streams ended"
                        + " worker_lost, %d cut by a killed gateway, %d broken%n",
                chats.size(),
                (loadEnded - t0) / 1e9,
                (System.nanoTime() - t0) / 1e9,
                tally.count(Chat.Outcome.SUCCEEDED),
                tally.succeeded("000"),
                tally.succeeded("000-new"),
                tally.succeeded("003"),
                tally.succeeded("003-stream"),
                tally.succeededWithTool(),
                tally.count(Chat.Outcome.RUN_LOST),
                tally.count(Chat.Outcome.CUT),
                tally.count(Chat.Outcome.BROKEN));
        System.out.printf(
                "pod-loss test: %d kill -9, %d SIGTERM, %d restart, %d Kafka outage; %d 503s (each with Retry-After),"
                        + " %d retries after them, %d requests sent to the other gateway; %d model calls%n",
                faults.count("kill -9"),
                faults.count("SIGTERM"),
                faults.count("restart"),
                faults.count("kafka"),
                tally.unavailable.get(),
                tally.retries.get(),
                tally.failovers.get(),
                model.requests());
        System.out.print(faults.timeline());
        tally.with(Chat.Outcome.BROKEN).stream().limit(10).forEach(c -> System.out.println("  broken: " + c));
        tally.with(Chat.Outcome.RUN_LOST).stream().limit(5).forEach(c -> System.out.println("  lost: " + c));
    }

    /** One call of the public API through gateway replica 0; fails unless it answers {@code expected}. */
    private static JsonNode call(String token, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
