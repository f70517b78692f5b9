package dev.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.LocalStack;
import dev.switchboard.local.ServiceProcess;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.TestStacks;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code SWITCHBOARD_REPLICAS=2}: two replicas of each service on port + 10, every gateway serving the demo chat, and
 * chats still answered through both gateways once a replica of run-service and one of thread-service are killed
 * with SIGKILL (the callers' load balancer moves to the live replica).
 */
class ReplicasEndToEndTest {

    private static StackSettings settings;
    private static LocalStack stack;
    private static String token;

    @BeforeAll
    static void bootTwoReplicasOfEach() throws Exception {
        settings = TestStacks.onFreePorts("switchboard-e2e-replicas-", Map.of("SWITCHBOARD_REPLICAS", "2"));
        stack = new LocalStack(settings, System.out);
        stack.start();
        token = Files.readString(settings.home().resolve("dev-token")).trim();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
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
