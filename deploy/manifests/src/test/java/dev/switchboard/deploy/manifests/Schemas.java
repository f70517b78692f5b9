package dev.switchboard.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The JSON schemas the manifests are validated against (draft-07, standalone, strict: an unknown field is an error).
 * Read from src/test/resources/schemas, or from ../shared/schemas beside the repository (README there).
 */
final class Schemas {

    /** apiVersion and kind to the schema file, named as yannh/kubernetes-json-schema and kubeconform name them. */
    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("v1/Namespace", "namespace-v1.json"),
            Map.entry("v1/ConfigMap", "configmap-v1.json"),
            Map.entry("v1/Service", "service-v1.json"),
            Map.entry("v1/ServiceAccount", "serviceaccount-v1.json"),
            Map.entry("apps/v1/Deployment", "deployment-apps-v1.json"),
            Map.entry("policy/v1/PodDisruptionBudget", "poddisruptionbudget-policy-v1.json"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "horizontalpodautoscaler-autoscaling-v2.json"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "networkpolicy-networking-v1.json"),
            Map.entry("networking.k8s.io/v1/Ingress", "ingress-networking-v1.json"),
            Map.entry("kafka.strimzi.io/v1/Kafka", "kafka-kafka.strimzi.io-v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", "kafkanodepool-kafka.strimzi.io-v1.json"),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", "kafkatopic-kafka.strimzi.io-v1.json"),
            Map.entry("postgresql.cnpg.io/v1/Cluster", "cluster-postgresql.cnpg.io-v1.json"));

    static final String COMPOSE = "compose-spec.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();

    private Schemas() {}

    /** The directory holding every schema file, if there is one. */
    static Optional<Path> directory() {
        List<Path> candidates = List.of(
                Repository.ROOT.resolve("deploy/manifests/src/test/resources/schemas"),
                Repository.ROOT.resolveSibling("shared").resolve("schemas"));
        return candidates.stream()
                .filter(dir -> FILES.values().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))
                        && Files.isRegularFile(dir.resolve(COMPOSE)))
                .findFirst();
    }

    static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /**
     * Compiles a schema file. A relative {@code $id} (compose-spec.json says {@code compose_spec.json}) is refused by
     * the validator, so it is replaced by the file's URI, which is what it is relative to; nothing else changes.
     */
    private static Schema load(Path file) {
        try {
            ObjectNode schema = (ObjectNode) Yaml.JSON.readTree(Repository.read(file));
            String id = schema.path("$id").asText("");
            if (!id.isEmpty() && !URI.create(id).isAbsolute()) {
                schema.put("$id", file.toUri().toString());
            }
            return REGISTRY.getSchema(schema.toString(), InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schema " + file, e);
        }
    }

    /** The schema's complaints about the object, each as "path: message"; empty when it is valid. */
    static List<String> validate(Path dir, String file, JsonNode object) {
        Schema schema = LOADED.computeIfAbsent(file, f -> load(dir.resolve(f)));
        List<Error> errors = schema.validate(object.toString(), InputFormat.JSON);
        return errors.stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .collect(Collectors.toList());
    }
}
