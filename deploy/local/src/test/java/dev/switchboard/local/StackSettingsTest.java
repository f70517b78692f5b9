package dev.switchboard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.infra.Ports;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    @Test
    void defaultsKeepDataInDotSwitchboardAndUseTheDocumentedPorts() {
        StackSettings s = StackSettings.fromEnvironment(Path.of("/repo"), Map.of());
        assertEquals(Path.of("/repo/.switchboard"), s.home());
        assertEquals(8080, s.gatewayPort());
        assertEquals(8083, s.runPort());
        assertEquals(15432, s.postgresPort());
        assertNull(s.externalDbUrl());
        assertNull(s.externalKafka());
        assertEquals("http://127.0.0.1:8080", s.gatewayUrl());
    }

    @Test
    void environmentOverridesPortsHomeAndExternalServers() {
        StackSettings s = StackSettings.fromEnvironment(
                Path.of("/repo"),
                Map.of(
                        "SWITCHBOARD_GATEWAY_PORT", "9080",
                        "SWITCHBOARD_HOME", "/data/sb",
                        "SWITCHBOARD_DB_URL", "postgresql://u:p@db:5432/postgres",
                        "KAFKA_BOOTSTRAP_SERVERS", " broker:9092 "));
        assertEquals(9080, s.gatewayPort());
        assertEquals(Path.of("/data/sb"), s.home());
        assertEquals("postgresql://u:p@db:5432/postgres", s.externalDbUrl());
        assertEquals("broker:9092", s.externalKafka());
    }

    @Test
    void theGatewaysRateLimitsAndTheModelProvidersReachTheServices() {
        StackSettings s = StackSettings.fromEnvironment(
                Path.of("/repo"),
                Map.of(
                        "SWITCHBOARD_GATEWAY_RATE_LIMITS_REQUESTS_PER_CALLER", "5000/10s",
                        "SWITCHBOARD_OPENAI_API_KEY", "sk-test",
                        "SWITCHBOARD_GATEWAY_PORT", "9080"));
        assertEquals(
                Map.of(
                        "SWITCHBOARD_GATEWAY_RATE_LIMITS_REQUESTS_PER_CALLER",
                        "5000/10s",
                        "SWITCHBOARD_OPENAI_API_KEY",
                        "sk-test"),
                s.serviceEnvironment());
    }

    @Test
    void aBadPortSaysWhichVariableIsWrong() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> StackSettings.fromEnvironment(Path.of("/repo"), Map.of("SWITCHBOARD_PG_PORT", "lots")));
        assertTrue(e.getMessage().contains("SWITCHBOARD_PG_PORT"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> StackSettings.fromEnvironment(Path.of("/repo"), Map.of("SWITCHBOARD_RUN_PORT", "70000")));
    }

    @Test
    void twoPartsOfTheStackOnOnePortAreRejectedNamingBothVariables() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> StackSettings.fromEnvironment(Path.of("/repo"), Map.of("SWITCHBOARD_RUN_PORT", "8082")));
        assertTrue(
                e.getMessage().contains("SWITCHBOARD_THREAD_PORT and SWITCHBOARD_RUN_PORT are both 8082"),
                e.getMessage());
        StackSettings external = StackSettings.fromEnvironment(
                Path.of("/repo"),
                Map.of("SWITCHBOARD_PG_PORT", "8080", "SWITCHBOARD_DB_URL", "postgresql://u:p@db:5432/postgres"));
        assertEquals(8080, external.gatewayPort(), "an unused embedded server's port does not count");
    }

    @Test
    void managementPortsDefaultToTheServicePortPlus1000AndClashesAreRejected() {
        StackSettings defaults = StackSettings.fromEnvironment(Path.of("/repo"), Map.of());
        assertEquals(
                List.of(9080, 9081, 9082, 9083),
                List.of(
                        defaults.gatewayManagementPort(),
                        defaults.agentManagementPort(),
                        defaults.threadManagementPort(),
                        defaults.runManagementPort()));

        StackSettings moved = StackSettings.fromEnvironment(
                Path.of("/repo"),
                Map.of("SWITCHBOARD_RUN_PORT", "7083", "SWITCHBOARD_GATEWAY_MANAGEMENT_PORT", "7999"));
        assertEquals(8083, moved.runManagementPort());
        assertEquals(7999, moved.gatewayManagementPort());

        IllegalArgumentException clash = assertThrows(
                IllegalArgumentException.class,
                () -> StackSettings.fromEnvironment(Path.of("/repo"), Map.of("SWITCHBOARD_AGENT_PORT", "9080")));
        assertTrue(
                clash.getMessage()
                        .contains("SWITCHBOARD_AGENT_PORT and SWITCHBOARD_GATEWAY_MANAGEMENT_PORT are both 9080"),
                clash.getMessage());
        IllegalArgumentException tooHigh = assertThrows(
                IllegalArgumentException.class,
                () -> StackSettings.fromEnvironment(Path.of("/repo"), Map.of("SWITCHBOARD_RUN_PORT", "65000")));
        assertTrue(tooHigh.getMessage().contains("SWITCHBOARD_RUN_MANAGEMENT_PORT must be set"), tooHigh.getMessage());
    }

    @Test
    void oneReplicaByDefaultAndReplicaKListensTenPortsAboveReplicaZero() {
        StackSettings one = StackSettings.fromEnvironment(Path.of("/repo"), Map.of());
        assertEquals(1, one.replicas());
        assertEquals(List.of("http://127.0.0.1:8080"), one.gatewayUrls());
        assertEquals(8, one.servicePorts().size());

        StackSettings two = StackSettings.fromEnvironment(Path.of("/repo"), Map.of("SWITCHBOARD_REPLICAS", "2"));
        assertEquals(2, two.replicas());
        assertEquals(List.of("http://127.0.0.1:8080", "http://127.0.0.1:8090"), two.gatewayUrls());
        assertEquals(List.of(8081, 8091), List.of(two.port("agent-service", 0), two.port("agent-service", 1)));
        assertEquals(List.of(8082, 8092), List.of(two.port("thread-service", 0), two.port("thread-service", 1)));
        assertEquals(List.of(8083, 8093), List.of(two.port("run-service", 0), two.port("run-service", 1)));
        assertEquals(9093, two.managementPort("run-service", 1));
        assertEquals(9090, two.managementPort("gateway", 1));
        assertEquals(List.of("http://127.0.0.1:8083", "http://127.0.0.1:8093"), two.urls("run-service"));
        assertEquals(16, two.servicePorts().size());
        assertEquals(9092, two.servicePorts().get("SWITCHBOARD_THREAD_MANAGEMENT_PORT + 10"));
        assertThrows(IllegalArgumentException.class, () -> two.port("run-service", 2));
    }

    @Test
    void theReplicasArgumentWinsOverTheVariableAndBadCountsAreRefused() {
        StackSettings three = StackSettings.fromEnvironment(Path.of("/repo"), Map.of("SWITCHBOARD_REPLICAS", "2"), "3");
        assertEquals(3, three.replicas());
        assertEquals("3", Launcher.replicasArgument(new String[] {"up", "--replicas", "3"}));
        assertEquals("2", Launcher.replicasArgument(new String[] {"up", "--replicas=2"}));
        assertNull(Launcher.replicasArgument(new String[] {"up"}));
        assertThrows(IllegalArgumentException.class, () -> Launcher.replicasArgument(new String[] {"up", "--x"}));
        for (String bad : List.of("0", "10", "two")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> StackSettings.fromEnvironment(Path.of("/repo"), Map.of("SWITCHBOARD_REPLICAS", bad)));
            assertTrue(e.getMessage().contains("SWITCHBOARD_REPLICAS"), e.getMessage());
        }
    }

    @Test
    void aReplicaPortThatClashesWithAnotherServiceIsRefusedNamingBoth() {
        // replica 1 of agent-service would listen on 8091, where run-service was put
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> StackSettings.fromEnvironment(
                        Path.of("/repo"), Map.of("SWITCHBOARD_REPLICAS", "2", "SWITCHBOARD_RUN_PORT", "8091")));
        assertTrue(e.getMessage().contains("are both 8091"), e.getMessage());
        assertTrue(e.getMessage().contains("SWITCHBOARD_AGENT_PORT + 10"), e.getMessage());
    }

    @Test
    void freePortsChosenTogetherAreAllDifferent() {
        List<Integer> ports = Ports.free(200);
        assertEquals(200, new HashSet<>(ports).size(), ports.toString());
    }
}
