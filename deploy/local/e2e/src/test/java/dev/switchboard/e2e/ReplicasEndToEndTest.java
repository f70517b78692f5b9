package dev.switchboard.e2e;

import static dev.switchboard.e2e.StreamingEndToEndTest.textLines;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.LocalStack;
import dev.switchboard.local.ServiceProcess;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.Gate;
import dev.switchboard.local.testing.TestStacks;
import dev.switchboard.local.testing.fake.FakeOpenAi;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SWITCHBOARD_REPLICAS=2}: two replicas of each service on port + 10, every gateway serving the demo chat, and
 * chats still answered through both gateways once a replica of run-service and one of thread-service are killed
 * with SIGKILL (the callers' load balancer moves to the live replica). A run started through one gateway is resumed,
 * refused a second run, queued behind and cancelled through the other: each gateway spreads its calls over
 * run-service's two replicas, which share the run only through their database.
 */
class ReplicasEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> CHUNKS = List.of("One, ", "two, ", "three, ", "four.");

    private static StackSettings settings;
    private static LocalStack stack;
    private static String token;
    /** The model of agents on {@code gpt-5.2}; the demo agent's {@code gpt-5-mini} stays on the offline provider. */
    private static FakeOpenAi model;

    @BeforeAll
    static void bootTwoReplicasOfEach() throws Exception {
        model = new FakeOpenAi().start();
        model.always(FakeOpenAi.text(List.of("Queued ", "answer."), 10, 2));
        settings = TestStacks.onFreePorts(
                "switchboard-e2e-replicas-",
                Map.of(
                        "SWITCHBOARD_REPLICAS", "2",
                        "SWITCHBOARD_OPENAI_BASE_URL", model.url(),
                        "SWITCHBOARD_MODEL_OVERRIDES", "gpt-5-mini=offline:gpt-5-mini"));
        stack = new LocalStack(settings, System.out);
        stack.start();
        token = Files.readString(settings.home().resolve("dev-token")).trim();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
        if (model != null) {
            model.close();
        }
    }

    @Test
    void aRunStartedThroughOneGatewayIsResumedRefusedQueuedBehindAndCancelledThroughTheOther() throws Exception {
        Gateway first = new Gateway(settings.gatewayUrls().get(0), token);
        Gateway second = new Gateway(settings.gatewayUrls().get(1), token);
        Gateway.Reply created = first.post("/api/v1/agents", "{\"name\": \"Counter\", \"model\": \"gpt-5.2\"}");
        assertEquals(201, created.status(), created.raw().body());
        String agent = "/api/agents/" + created.body().get("uuid").asText();
        // the model sends two chunks, then holds the rest until the run is cancelled
        Gate gate = new Gate().let(1 + 2);
        model.enqueue(FakeOpenAi.text(CHUNKS, 12, 5).heldBy(gate));
        String runId = UUID.randomUUID().toString();
        List<String> streamed = new CopyOnWriteArrayList<>();
        var stream = first.lines(
                first.request(
                        "POST",
                        agent + "/chat/stream",
                        "{\"message\": \"Count\", \"run_id\": \"" + runId + "\"}",
                        null),
                streamed);
        await("two chunks through the first gateway").atMost(WAIT).until(() -> textLines(streamed) == 2);

        // resumed through the other gateway after the first event: the second one, then what follows
        List<String> resumed = new CopyOnWriteArrayList<>();
        var resume =
                second.lines(second.request("GET", "/api/v1/runs/" + runId + "/stream", null, runId + ":1"), resumed);
        await("the resumed stream").atMost(WAIT).until(() -> textLines(resumed) == 1);
        assertTrue(resumed.contains("id: " + runId + ":2"), String.join("\n", resumed));

        // one conversation, one active run, whichever replica is asked: reject is a conflict (twice: the second
        // gateway's calls alternate between run-service's replicas)
        for (int i = 0; i < 2; i++) {
            Gateway.Reply rejected =
                    second.post(agent + "/chat", "{\"message\": \"Me too\", \"multitask_strategy\": \"reject\"}");
            assertEquals(409, rejected.status(), rejected.raw().body());
            assertEquals(
                    "multitask_strategy",
                    rejected.body().path("error").path("field").asText());
        }
        // a run enqueued behind it (the default strategy) waits for it
        var queued = second.sendAsync(second.request("POST", agent + "/chat", "{\"message\": \"After you\"}", null));

        Gateway.Reply cancelled = second.send(second.request("POST", "/api/v1/runs/" + runId + "/cancel", null, null));
        assertEquals(200, cancelled.status(), cancelled.raw().body());
        assertEquals("cancelled", cancelled.body().get("status").asText());
        assertEquals("One, two, ", cancelled.body().get("content").asText());
        gate.open(); // run-service has closed its call to the model; nothing is left to let through

        stream.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        resume.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        for (List<String> lines : List.of(streamed, resumed)) {
            List<String> data =
                    lines.stream().filter(l -> l.startsWith("data: ")).toList();
            assertTrue(data.get(data.size() - 2).startsWith("data: {\"type\":\"cancelled\""), String.join("\n", lines));
            assertEquals("data: [DONE]", data.get(data.size() - 1));
        }
        HttpResponse<String> answer = queued.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(
                "Queued answer.",
                Gateway.JSON.readTree(answer.body()).get("response").asText());
    }

    @Test
    void everyGatewayServesTheChatAndAKilledReplicaLeavesChatsWorking() throws Exception {
        List<String> gateways = settings.gatewayUrls();
        assertEquals(List.of(settings.gatewayUrl(), "http://127.0.0.1:" + (settings.gatewayPort() + 10)), gateways);
        for (String service : StackSettings.SERVICES) {
            List<ServiceProcess> replicas = stack.replicas(service);
            assertEquals(2, replicas.size(), service);
            assertEquals(replicas.get(0).port() + 10, replicas.get(1).port(), service);
            assertTrue(replicas.stream().allMatch(ServiceProcess::isAlive), service);
        }
        chatThroughEveryGateway("before");

        ServiceProcess run = stack.replicas("run-service").get(1);
        ServiceProcess thread = stack.replicas("thread-service").get(0);
        run.kill();
        thread.kill();
        assertFalse(run.isAlive());
        for (int i = 0; i < 3; i++) {
            chatThroughEveryGateway("after the kill " + i);
        }

        run.restart();
        assertTrue(run.isAlive());
        chatThroughEveryGateway("after the restart");
    }

    private static void chatThroughEveryGateway(String label) throws Exception {
        for (String gateway : settings.gatewayUrls()) {
            String message = label + " via " + gateway;
            Gateway.Reply chat =
                    new Gateway(gateway, token).post("/api/agents/demo/chat", "{\"message\": \"" + message + "\"}");
            assertEquals(200, chat.status(), chat.raw().body());
            assertTrue(
                    chat.body().get("response").asText().contains(message),
                    chat.raw().body());
        }
    }
}
