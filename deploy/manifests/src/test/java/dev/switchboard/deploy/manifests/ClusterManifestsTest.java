package dev.switchboard.deploy.manifests;

import static dev.switchboard.deploy.manifests.Manifests.container;
import static dev.switchboard.deploy.manifests.Manifests.env;
import static dev.switchboard.deploy.manifests.Manifests.id;
import static dev.switchboard.deploy.manifests.Manifests.list;
import static dev.switchboard.deploy.manifests.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders deploy/k8s/overlays/{dev,prod} with kubectl kustomize (no cluster) and checks what it renders against
 * the Kubernetes, Strimzi and CloudNativePG schemas and against the services' own configuration.
 */
class ClusterManifestsTest {

    static final List<String> SERVICES = List.of("gateway", "agent-service", "thread-service", "run-service");

    /** Who may call whom: the gateway calls every service, run-service calls agent- and thread-service. */
    static final Map<String, Set<String>> CALLERS = Map.of(
            "agent-service", Set.of("gateway", "run-service"),
            "thread-service", Set.of("gateway", "run-service"),
            "run-service", Set.of("gateway"));

    /** Secrets the manifests reference by name; never committed, created as deploy/k8s/README.md shows. */
    static final Set<String> OPERATOR_SECRETS = Set.of(
            "switchboard-internal-jwt",
            "switchboard-user-jwt",
            "switchboard-secrets-key",
            "switchboard-page-token-key",
            "switchboard-providers",
            "switchboard-tls");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    @BeforeAll
    static void kubectl() {
        Assumptions.assumeTrue(
                Kustomize.kubectlPresent(),
                "kubectl is not installed: the rendered manifests are not checked (install kubectl to run these)");
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::render);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyRenderedKindHasASchema(String overlay) {
        Set<String> missing = rendered(overlay).objects().stream()
                .map(Schemas::key)
                .filter(key -> !Schemas.KINDS.containsKey(key))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, overlay + ": kinds with no schema (add them to Schemas.KINDS)");
    }

    /**
     * Every object whose schema comes from the source validates against it: a misspelt or misplaced field, a wrong
     * type or a missing required field fails (for CNPG a wrong type or value, not an unknown field: schemas README).
     * A source that cannot be had here skips its objects, saying why.
     */
    @ParameterizedTest
    @CsvSource({
        "dev, KUBERNETES", "dev, STRIMZI", "dev, CNPG",
        "prod, KUBERNETES", "prod, STRIMZI", "prod, CNPG"
    })
    void everyObjectValidatesAgainstItsPublishedSchema(String overlay, Schemas.Source source) {
        List<String> problems = new ArrayList<>();
        int validated = 0;
        for (JsonNode object : rendered(overlay).objects()) {
            Schemas.Origin origin = Schemas.KINDS.get(Schemas.key(object));
            if (origin == null || origin.source() != source) {
                continue;
            }
            Optional<String> unavailable = Schemas.unavailable(source, origin.name());
            Assumptions.assumeTrue(
                    unavailable.isEmpty(),
                    () -> overlay + ": " + Schemas.key(object) + " not validated: " + unavailable.get());
            Schemas.validate(object).forEach(p -> problems.add(id(object) + " " + p));
            validated++;
        }
        Assumptions.assumeTrue(validated > 0, overlay + " renders no object whose schema comes from " + source);
        assertTrue(problems.isEmpty(), overlay + ":\n" + String.join("\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretIsCommittedAndEveryReferencedOneIsDocumented(String overlay) {
        Manifests m = rendered(overlay);
        assertEquals(List.of(), m.ofKind("Secret").stream().map(Manifests::id).collect(Collectors.toList()));
        String readme = Repository.read(Repository.k8s().resolve("README.md"));
        Set<String> generated =
                m.ofKind("Cluster").stream().map(c -> name(c) + "-app").collect(Collectors.toSet());
        Set<String> referenced = new TreeSet<>();
        for (JsonNode d : m.ofKind("Deployment")) {
            d.findValues("secretKeyRef")
                    .forEach(r -> referenced.add(r.path("name").asText()));
            d.findValues("secret")
                    .forEach(r -> referenced.add(r.path("secretName").asText()));
        }
        m.ofKind("Ingress")
                .forEach(i -> list(i.path("spec").path("tls"))
                        .forEach(t -> referenced.add(t.path("secretName").asText())));
        for (String secret : referenced) {
            if (generated.contains(secret)) {
                continue;
            }
            assertTrue(OPERATOR_SECRETS.contains(secret), overlay + ": unexpected secret " + secret);
            assertTrue(readme.contains(secret), "deploy/k8s/README.md does not say how to create " + secret);
        }
        for (JsonNode d : m.ofKind("Deployment")) {
            for (JsonNode ref : d.findValues("configMapKeyRef")) {
                String cm = ref.path("name").asText();
                assertTrue(m.find("ConfigMap", cm).isPresent(), id(d) + " references a missing ConfigMap " + cm);
                if (!ref.path("optional").asBoolean(false)) {
                    assertTrue(
                            m.get("ConfigMap", cm)
                                    .path("data")
                                    .has(ref.path("key").asText()),
                            id(d) + " needs key " + ref.path("key").asText() + " of ConfigMap " + cm);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void deploymentsMatchTheServicesConfiguration(String overlay) {
        Manifests m = rendered(overlay);
        assertEquals(
                new TreeSet<>(SERVICES),
                m.ofKind("Deployment").stream().map(Manifests::name).collect(Collectors.toCollection(TreeSet::new)));
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            JsonNode deployment = m.get("Deployment", service);
            JsonNode c = container(deployment);
            String where = overlay + " " + service + ": ";
            assertTrue(
                    c.path("image").asText().matches("(.+/)?switchboard/" + service + ":[\\w.-]+"),
                    where + "image " + c.path("image").asText() + " is not switchboard/" + service + ":<tag>");
            int http = port(c, "http");
            int management = port(c, "management");
            assertEquals(config.httpPort(), http, where + "containerPort http != quarkus.http.port");
            assertEquals(
                    config.managementPort(), management, where + "containerPort management != quarkus.management.port");
            probe(c, "startupProbe", "/q/health/started", config, where);
            probe(c, "readinessProbe", "/q/health/ready", config, where);
            probe(c, "livenessProbe", "/q/health/live", config, where);
            assertEquals("prod", value(c, "QUARKUS_PROFILE"), where + "QUARKUS_PROFILE");
            assertEquals("0.0.0.0", value(c, "QUARKUS_HTTP_HOST"), where + "QUARKUS_HTTP_HOST");
            assertEquals("0.0.0.0", value(c, "QUARKUS_MANAGEMENT_HOST"), where + "QUARKUS_MANAGEMENT_HOST (probes)");
            for (String kind : List.of("requests", "limits")) {
                JsonNode r = c.path("resources").path(kind);
                assertTrue(r.has("cpu") || kind.equals("limits"), where + "no cpu " + kind);
                assertTrue(r.has("memory"), where + "no memory " + kind);
            }
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean(), where + "runAsNonRoot");
            long grace = pod.path("terminationGracePeriodSeconds").asLong();
            Duration drain = Duration.parse("PT"
                    + Optional.ofNullable(value(c, "QUARKUS_SHUTDOWN_TIMEOUT")).orElse("30s"));
            long preStop = c.path("lifecycle")
                    .path("preStop")
                    .path("sleep")
                    .path("seconds")
                    .asLong(0);
            assertTrue(
                    grace > drain.toSeconds() + preStop,
                    where + "terminationGracePeriodSeconds " + grace + " is not above the drain " + drain
                            + " plus the preStop sleep " + preStop + " s");

            JsonNode svc = m.get("Service", service);
            JsonNode svcPort = svc.path("spec").path("ports").get(0);
            assertEquals(config.httpPort(), svcPort.path("port").asInt(), where + "Service port");
            assertTrue(
                    Set.of("http", String.valueOf(http))
                            .contains(svcPort.path("targetPort").asText()),
                    where + "Service targetPort");
            assertEquals(1, svc.path("spec").path("ports").size(), where + "the Service exposes only the API port");
            assertTrue(selects(svc.path("spec").path("selector"), deployment), where + "Service selects the pods");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySettingAServiceNeedsInAClusterIsProvided(String overlay) {
        Manifests m = rendered(overlay);
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(service);
            JsonNode c = container(m.get("Deployment", service));
            Set<String> missing = new TreeSet<>(config.requiredEnvironment());
            missing.removeIf(v -> env(c, v).isPresent());
            assertEquals(Set.of(), missing, overlay + " " + service + ": environment not provided");

            if (config.usesKafka()) {
                String bootstrap = value(c, "KAFKA_BOOTSTRAP_SERVERS");
                assertTrue(bootstrap != null, service + " uses Kafka: KAFKA_BOOTSTRAP_SERVERS");
                String kafka = name(m.ofKind("Kafka").get(0));
                assertEquals(kafka + "-kafka-bootstrap:9092", bootstrap, service + " KAFKA_BOOTSTRAP_SERVERS");
            }
            for (String client : config.restClients()) {
                String variable = ServiceConfig.environmentName("quarkus.rest-client." + client + ".url");
                URI url = URI.create(String.valueOf(value(c, variable)));
                JsonNode target = m.get("Service", url.getHost());
                assertEquals(client, url.getHost(), service + " " + variable + " names the Service " + client);
                assertEquals(
                        ServiceConfig.of(client).httpPort(),
                        url.getPort(),
                        service + " " + variable + ": port of " + client);
                assertEquals(
                        url.getPort(),
                        target.path("spec").path("ports").get(0).path("port").asInt());
            }
            String jdbc = String.valueOf(value(c, "QUARKUS_DATASOURCE_JDBC_URL"));
            String reactive = String.valueOf(value(c, "QUARKUS_DATASOURCE_REACTIVE_URL"));
            Matcher jm = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/(\\w+)")
                    .matcher(jdbc);
            assertTrue(jm.matches(), service + " QUARKUS_DATASOURCE_JDBC_URL " + jdbc);
            assertEquals(
                    "postgresql://" + jm.group(1) + "-rw:5432/" + jm.group(2), reactive, service + " reactive URL");
            JsonNode cluster = m.get("Cluster", jm.group(1));
            assertEquals(
                    jm.group(2),
                    cluster.path("spec")
                            .path("bootstrap")
                            .path("initdb")
                            .path("database")
                            .asText(),
                    service + ": the database of " + jm.group(1));
            for (String credential : List.of("SWITCHBOARD_DB_USER", "SWITCHBOARD_DB_PASSWORD")) {
                JsonNode ref = env(c, credential)
                        .orElseThrow(() -> new AssertionError(service + " " + credential))
                        .path("valueFrom")
                        .path("secretKeyRef");
                assertEquals(jm.group(1) + "-app", ref.path("name").asText(), service + " " + credential);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsReachableAndEachServiceOnlyFromItsCallers(String overlay) {
        Manifests m = rendered(overlay);
        for (String service : SERVICES) {
            JsonNode deployment = m.get("Deployment", service);
            List<JsonNode> policies = m.ofKind("NetworkPolicy").stream()
                    .filter(p -> selects(p.path("spec").path("podSelector").path("matchLabels"), deployment))
                    .collect(Collectors.toList());
            assertTrue(
                    policies.stream()
                            .anyMatch(p -> p.path("spec").path("ingress").isMissingNode()
                                    || p.path("spec").path("ingress").isEmpty()),
                    overlay + " " + service + ": no default-deny NetworkPolicy selects it");
            Set<String> callers = new TreeSet<>();
            List<String> namespaces = new ArrayList<>();
            for (JsonNode p : policies) {
                for (JsonNode rule : list(p.path("spec").path("ingress"))) {
                    assertFalse(rule.path("from").isMissingNode(), id(p) + ": a rule without from admits everyone");
                    boolean api = list(rule.path("ports")).stream()
                            .anyMatch(port -> Set.of(
                                            "http",
                                            String.valueOf(
                                                    ServiceConfig.of(service).httpPort()))
                                    .contains(port.path("port").asText()));
                    for (JsonNode peer : list(rule.path("from"))) {
                        assertFalse(peer.has("ipBlock"), id(p) + ": no ipBlock peers");
                        if (!api) {
                            continue;
                        }
                        if (peer.has("namespaceSelector")) {
                            namespaces.add(peer.toString());
                        } else {
                            callers.add(peer.path("podSelector")
                                    .path("matchLabels")
                                    .path("app.kubernetes.io/name")
                                    .asText());
                        }
                    }
                }
            }
            if (service.equals("gateway")) {
                assertEquals(Set.of(), callers, "the gateway is called from outside only");
                assertEquals(1, namespaces.size(), "the gateway: from the ingress controller's namespace");
            } else {
                assertEquals(CALLERS.get(service), callers, overlay + " " + service + ": callers");
                assertEquals(List.of(), namespaces, service + " is reachable from another namespace");
            }
        }
        List<JsonNode> ingresses = m.ofKind("Ingress");
        assertEquals(1, ingresses.size(), "one Ingress");
        JsonNode ingress = ingresses.get(0);
        ingress.findValues("service")
                .forEach(s -> assertEquals("gateway", s.path("name").asText(), "Ingress backend"));
        JsonNode annotations = ingress.path("metadata").path("annotations");
        assertEquals(
                "off",
                annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText(),
                "SSE buffering");
        long readTimeout = annotations
                .path("nginx.ingress.kubernetes.io/proxy-read-timeout")
                .asLong();
        assertTrue(readTimeout >= 3600, "proxy-read-timeout " + readTimeout + " is below the longest run");
        // Kafka and PostgreSQL: only the services that use them
        JsonNode listener = m.ofKind("Kafka")
                .get(0)
                .path("spec")
                .path("kafka")
                .path("listeners")
                .get(0);
        Set<String> kafkaPeers = list(listener.path("networkPolicyPeers")).stream()
                .map(p -> p.path("podSelector")
                        .path("matchLabels")
                        .path("app.kubernetes.io/name")
                        .asText())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> kafkaUsers = SERVICES.stream()
                .filter(s -> ServiceConfig.of(s).usesKafka())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(kafkaUsers, kafkaPeers, "Kafka listener networkPolicyPeers");
        for (JsonNode cluster : m.ofKind("Cluster")) {
            JsonNode policy = m.get("NetworkPolicy", name(cluster));
            Set<String> apps = new TreeSet<>();
            policy.findValues("podSelector").forEach(s -> {
                String app =
                        s.path("matchLabels").path("app.kubernetes.io/name").asText();
                if (!app.isEmpty()) {
                    apps.add(app);
                }
            });
            String owner = SERVICES.stream()
                    .filter(s -> String.valueOf(value(container(m.get("Deployment", s)), "QUARKUS_DATASOURCE_JDBC_URL"))
                            .contains("//" + name(cluster) + "-rw:"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no service uses " + id(cluster)));
            assertEquals(Set.of(owner), apps, id(cluster) + " is reachable from its own service only");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTopicHasAKafkaTopicAndADeadLetterTopic(String overlay) {
        Manifests m = rendered(overlay);
        assertEquals(1, m.ofKind("Kafka").size(), "one Kafka");
        JsonNode kafka = m.ofKind("Kafka").get(0);
        JsonNode annotations = kafka.path("metadata").path("annotations");
        assertEquals("enabled", annotations.path("strimzi.io/kraft").asText(), "KRaft");
        assertEquals("enabled", annotations.path("strimzi.io/node-pools").asText(), "node pools");
        Set<String> roles = new TreeSet<>();
        for (JsonNode pool : m.ofKind("KafkaNodePool")) {
            assertEquals(
                    name(kafka),
                    pool.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText());
            list(pool.path("spec").path("roles")).forEach(r -> roles.add(r.asText()));
        }
        assertEquals(Set.of("broker", "controller"), roles, "node pools with both KRaft roles");

        Set<String> topics = new TreeSet<>(launcherTopics());
        SERVICES.forEach(s -> topics.addAll(ServiceConfig.of(s).topics()));
        // a dead-letter topic a service writes is checked as the .dlq of its topic
        topics.removeIf(topic -> topic.endsWith(".dlq"));
        for (String topic : topics) {
            for (String name : List.of(topic, topic + ".dlq")) {
                JsonNode t = m.get("KafkaTopic", name);
                assertEquals(
                        name(kafka),
                        t.path("metadata")
                                .path("labels")
                                .path("strimzi.io/cluster")
                                .asText(),
                        name);
                assertTrue(t.path("spec").path("partitions").asInt() > 0, name + " partitions");
                assertTrue(t.path("spec").path("config").has("retention.ms"), name + " retention.ms");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void replicasDisruptionBudgetsAndAutoscalers(String overlay) {
        Manifests m = rendered(overlay);
        for (String service : SERVICES) {
            JsonNode deployment = m.get("Deployment", service);
            int replicas = deployment.path("spec").path("replicas").asInt();
            if (overlay.equals("prod")) {
                assertTrue(replicas >= 2, "prod " + service + ": at least 2 replicas, has " + replicas);
            } else {
                assertEquals(1, replicas, "dev " + service + ": 1 replica");
            }
            JsonNode hpa = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> service.equals(
                            h.path("spec").path("scaleTargetRef").path("name").asText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + " " + service + ": no HorizontalPodAutoscaler"));
            assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
            assertTrue(hpa.path("spec").path("minReplicas").asInt() <= replicas, service + " HPA minReplicas");
            assertTrue(hpa.path("spec").path("maxReplicas").asInt() > replicas, service + " HPA maxReplicas");
            assertTrue(
                    m.ofKind("PodDisruptionBudget").stream()
                            .anyMatch(
                                    p -> selects(p.path("spec").path("selector").path("matchLabels"), deployment)),
                    overlay + " " + service + ": no PodDisruptionBudget");
        }
        Set<String> databases = new TreeSet<>();
        Set<String> owners = new TreeSet<>();
        for (JsonNode cluster : m.ofKind("Cluster")) {
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            databases.add(initdb.path("database").asText());
            owners.add(initdb.path("owner").asText());
        }
        assertEquals(Set.of("agents", "threads", "runs", "gateway"), databases, "a database per service");
        assertEquals(4, owners.size(), "a role per service");
    }

    private static Set<String> launcherTopics() {
        String source = Repository.read(
                Repository.ROOT.resolve("deploy/local/src/main/java/dev/switchboard/local/LocalStack.java"));
        Matcher m = Pattern.compile("TOPICS\\s*=\\s*List\\.of\\(([^)]*)\\)").matcher(source);
        if (!m.find()) {
            fail("LocalStack.TOPICS not found: where does the launcher list its topics now?");
        }
        Set<String> topics = new TreeSet<>();
        Matcher q = Pattern.compile("\"([^\"]+)\"").matcher(m.group(1));
        while (q.find()) {
            topics.add(q.group(1));
        }
        return topics;
    }

    static boolean selects(JsonNode matchLabels, JsonNode deployment) {
        JsonNode labels =
                deployment.path("spec").path("template").path("metadata").path("labels");
        if (matchLabels.isMissingNode() || matchLabels.isEmpty()) {
            return false;
        }
        for (var it = matchLabels.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static int port(JsonNode container, String name) {
        return list(container.path("ports")).stream()
                .filter(p -> name.equals(p.path("name").asText()))
                .mapToInt(p -> p.path("containerPort").asInt())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no containerPort named " + name));
    }

    private static void probe(JsonNode c, String probe, String path, ServiceConfig config, String where) {
        JsonNode get = c.path(probe).path("httpGet");
        assertEquals(path, get.path("path").asText(), where + probe + " path");
        assertTrue(
                Set.of("management", String.valueOf(config.managementPort()))
                        .contains(get.path("port").asText()),
                where + probe + " port is not the management port " + config.managementPort());
    }

    private static String value(JsonNode container, String name) {
        return env(container, name)
                .map(e -> e.has("value") ? e.path("value").asText() : null)
                .orElse(null);
    }
}
