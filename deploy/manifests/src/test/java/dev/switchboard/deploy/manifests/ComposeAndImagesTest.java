package dev.switchboard.deploy.manifests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deploy/compose/compose.yaml and the services' Dockerfile.jvm, checked without Docker. */
class ComposeAndImagesTest {

    @Test
    void composeFileValidatesAgainstTheComposeSpecification() {
        Optional<String> unavailable = Schemas.composeUnavailable();
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> "compose.yaml not validated: " + unavailable.get());
        JsonNode compose = Yaml.document(Repository.read(Repository.compose()));
        List<String> problems = Schemas.validateCompose(compose);
        assertEquals(
                List.of(),
                problems,
                "compose.yaml against " + Schemas.composeSchema().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "agent-service", "thread-service", "run-service"})
    void composeServiceHasTheEnvironmentTheServiceNeeds(String service) {
        JsonNode compose = Yaml.document(Repository.read(Repository.compose()));
        JsonNode s = compose.path("services").path(service);
        assertTrue(s.isObject(), "compose.yaml has no service " + service);
        ServiceConfig config = ServiceConfig.of(service);
        JsonNode env = s.path("environment");
        Set<String> missing = new TreeSet<>(config.requiredEnvironment());
        missing.removeIf(env::has);
        assertEquals(Set.of(), missing, service + ": environment not provided in compose.yaml");
        assertEquals("0.0.0.0", env.path("QUARKUS_HTTP_HOST").asText());
        assertEquals("prod", env.path("QUARKUS_PROFILE").asText());
        if (config.usesKafka()) {
            assertEquals("kafka:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText(), service);
        }
        for (String client : config.restClients()) {
            String variable = ServiceConfig.environmentName("quarkus.rest-client." + client + ".url");
            assertEquals(
                    "http://" + client + ":" + ServiceConfig.of(client).httpPort(),
                    env.path(variable).asText(),
                    service + " " + variable);
        }
        assertEquals(
                "src/main/docker/Dockerfile.jvm",
                s.path("build").path("dockerfile").asText(),
                service + " build");
        assertEquals("../../" + service, s.path("build").path("context").asText(), service + " build context");
        List<String> published = new ArrayList<>();
        s.path("ports").forEach(p -> published.add(p.asText()));
        if (service.equals("gateway")) {
            assertEquals(List.of("127.0.0.1:8080:" + config.httpPort()), published, "the gateway is published");
        } else {
            assertEquals(List.of(), published, service + " is not published");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "agent-service", "thread-service", "run-service"})
    void dockerfileRunsTheQuarkusAppOnAJre17AsNonRoot(String service) {
        Path file = Repository.dockerfile(service);
        assertTrue(Files.isRegularFile(file), "no " + Repository.ROOT.relativize(file));
        String text = Repository.read(file);
        ServiceConfig config = ServiceConfig.of(service);
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(text);
        assertTrue(from.find(), service + ": no FROM");
        assertTrue(
                from.group(1).matches("eclipse-temurin:17(\\.[\\d.]+)?(_\\d+)?-jre.*")
                        || from.group(1).matches(".*/openjdk-17-runtime(:.*)?"),
                service + ": " + from.group(1) + " is not a JRE 17 base");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(text);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        assertTrue(last != null && !last.matches("(root|0)(:.*)?"), service + ": runs as root (USER " + last + ")");
        Matcher expose = Pattern.compile("(?m)^EXPOSE\\s+(.+)$").matcher(text);
        Set<String> ports = new TreeSet<>();
        while (expose.find()) {
            ports.addAll(List.of(expose.group(1).trim().split("\\s+")));
        }
        assertTrue(ports.contains(String.valueOf(config.httpPort())), service + ": EXPOSE " + config.httpPort());
        assertTrue(text.contains("target/quarkus-app/"), service + ": copies target/quarkus-app");
        assertTrue(text.contains("quarkus-run.jar"), service + ": runs quarkus-run.jar");
        assertTrue(
                text.contains(
                        "docker build -f " + service + "/src/main/docker/Dockerfile.jvm -t switchboard/" + service),
                service + ": the build command is documented");
    }
}
