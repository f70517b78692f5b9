package dev.switchboard.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The published schemas the manifests are validated against, each turned into a standalone strict draft-07 schema
 * (an unknown field is an error), except CloudNativePG's Cluster: its npm package's compiled validator, run with node,
 * which does not report unknown fields. Where each comes from, and how it is turned, is in
 * src/test/resources/schemas/README.md.
 */
final class Schemas {

    /** Where a kind's schema comes from. */
    enum Source {
        /**
         * The Kubernetes API definitions (Swagger 2.0) in io.fabric8:kubernetes-model-validator, a test dependency:
         * {@code openshift-generated.json} on the test class path.
         */
        KUBERNETES,
        /** Strimzi's CRDs, written into target/strimzi-crds at generate-test-resources (see the module's pom). */
        STRIMZI,
        /**
         * CloudNativePG's CRDs, as the npm package @kubernetes-models/cloudnative-pg ships them: compiled into
         * JavaScript validators, installed into target/cnpg at generate-test-resources (see the module's pom) and run
         * with node.
         */
        CNPG
    }

    /** Where one kind's schema is: a definition name, a CRD file or a model file, after its source. */
    record Origin(Source source, String name) {}

    /**
     * The Cluster model of @kubernetes-models/cloudnative-pg in target/cnpg; {@value #CNPG_VALIDATOR} loads it (by
     * its package export {@code @kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster}).
     */
    static final String CNPG_CLUSTER_MODEL =
            "node_modules/@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster.js";

    /** apiVersion/kind to where its schema is. */
    static final Map<String, Origin> KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", k8s("io.k8s.api.core.v1.Namespace")),
            Map.entry("v1/ConfigMap", k8s("io.k8s.api.core.v1.ConfigMap")),
            Map.entry("v1/Service", k8s("io.k8s.api.core.v1.Service")),
            Map.entry("v1/ServiceAccount", k8s("io.k8s.api.core.v1.ServiceAccount")),
            Map.entry("apps/v1/Deployment", k8s("io.k8s.api.apps.v1.Deployment")),
            Map.entry("policy/v1/PodDisruptionBudget", k8s("io.k8s.api.policy.v1.PodDisruptionBudget")),
            Map.entry(
                    "autoscaling/v2/HorizontalPodAutoscaler", k8s("io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler")),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", k8s("io.k8s.api.networking.v1.NetworkPolicy")),
            Map.entry("networking.k8s.io/v1/Ingress", k8s("io.k8s.api.networking.v1.Ingress")),
            Map.entry("kafka.strimzi.io/v1/Kafka", new Origin(Source.STRIMZI, "040-Crd-kafka.yaml")),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", new Origin(Source.STRIMZI, "043-Crd-kafkatopic.yaml")),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", new Origin(Source.STRIMZI, "045-Crd-kafkanodepool.yaml")),
            Map.entry("postgresql.cnpg.io/v1/Cluster", new Origin(Source.CNPG, CNPG_CLUSTER_MODEL)));

    /** The script (src/test/cnpg, copied into target/cnpg by the pom) that validates one Cluster read from stdin. */
    static final String CNPG_VALIDATOR = "validate-cluster.mjs";

    /** How long one node run may take. */
    private static final Duration NODE_TIMEOUT = Duration.ofSeconds(60);

    /** The compose specification's schema as a file of its own (the fallback of {@link #composeSchema()}). */
    static final String COMPOSE = "compose-spec.json";

    /**
     * The compose specification's schema ({@code schema/compose-spec.json} of the compose-spec repository) as the npm
     * package named in the module's pom ships it, unpacked into target/compose-spec at generate-test-resources.
     */
    static final String COMPOSE_IN_PACKAGE = "package/schemas/compose.schema.json";

    /** The classpath resource of io.fabric8:kubernetes-model-validator holding the Kubernetes definitions. */
    static final String KUBERNETES_DEFINITIONS = "openshift-generated.json";

    /** Kubernetes' OpenAPI v3 documents say a Quantity is a string or a number; the Swagger 2.0 form says string. */
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final Map<String, Schema> LOADED = new ConcurrentHashMap<>();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static volatile JsonNode kubernetesDefinitions;

    private Schemas() {}

    private static Origin k8s(String definition) {
        return new Origin(Source.KUBERNETES, definition);
    }

    static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    static Path strimziCrds() {
        return Repository.ROOT.resolve("deploy/manifests/target/strimzi-crds");
    }

    static Path cnpgPackage() {
        return Repository.ROOT.resolve("deploy/manifests/target/cnpg");
    }

    static Path composeSpecPackage() {
        return Repository.ROOT.resolve("deploy/manifests/target/compose-spec");
    }

    /**
     * The compose file's schema: the one unpacked from the npm package (module's pom), or else a {@value #COMPOSE} in
     * {@link #localDirectories()}.
     */
    static Optional<Path> composeSchema() {
        Path unpacked = composeSpecPackage().resolve(COMPOSE_IN_PACKAGE);
        return Files.isRegularFile(unpacked) ? Optional.of(unpacked) : localFile(COMPOSE);
    }

    /** Why the compose file's schema cannot be had here, or empty when it can. */
    static Optional<String> composeUnavailable() {
        return composeSchema().isPresent()
                ? Optional.empty()
                : Optional.of(composeSpecPackage().resolve(COMPOSE_IN_PACKAGE) + " was not unpacked (the"
                        + " maven-antrun-plugin execution compose-spec of deploy/manifests/pom.xml found no npm, or ran"
                        + " with -Dcompose-spec.skip) and there is no " + COMPOSE + " in " + localDirectories());
    }

    /** The directories a {@value #COMPOSE} is looked for in (when the npm package is not unpacked), in order. */
    static List<Path> localDirectories() {
        return List.of(
                Repository.ROOT.resolve("deploy/manifests/src/test/resources/schemas"),
                Repository.ROOT.resolveSibling("shared").resolve("schemas"));
    }

    static Optional<Path> localFile(String name) {
        return localDirectories().stream()
                .map(dir -> dir.resolve(name))
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** Why a source's schemas cannot be had here, or empty when they can. */
    static Optional<String> unavailable(Source source, String name) {
        switch (source) {
            case KUBERNETES:
                return Schemas.class.getClassLoader().getResource(KUBERNETES_DEFINITIONS) == null
                        ? Optional.of(KUBERNETES_DEFINITIONS + " (io.fabric8:kubernetes-model-validator) is not on"
                                + " the test class path")
                        : Optional.empty();
            case STRIMZI:
                return Files.isRegularFile(strimziCrds().resolve(name))
                        ? Optional.empty()
                        : Optional.of(strimziCrds().resolve(name) + " was not written: Strimzi's CRD generator"
                                + " needs Java 21 (see the profiles in deploy/manifests/pom.xml)");
            default:
                if (!Files.isRegularFile(cnpgPackage().resolve(name))
                        || !Files.isRegularFile(cnpgPackage().resolve(CNPG_VALIDATOR))) {
                    return Optional.of(cnpgPackage().resolve(name) + " was not installed: the maven-antrun-plugin"
                            + " execution cnpg-validator of deploy/manifests/pom.xml found no npm (or no registry),"
                            + " or ran with -Dcnpg.skip; @kubernetes-models/cloudnative-pg ships CloudNativePG's schema"
                            + " only compiled into JavaScript, run with node (schemas README)");
                }
                return nodeMissing();
        }
    }

    private static volatile Optional<String> nodeMissing;

    /** Why node cannot be run here, or empty when it can. */
    private static Optional<String> nodeMissing() {
        if (nodeMissing == null) {
            try {
                Process p = new ProcessBuilder("node", "--version")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                boolean done = p.waitFor(NODE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (!done) {
                    p.destroyForcibly();
                }
                nodeMissing = done && p.exitValue() == 0
                        ? Optional.empty()
                        : Optional.of("node --version did not answer: node is needed to run the CloudNativePG"
                                + " validator");
            } catch (IOException e) {
                nodeMissing = Optional.of("node is not installed (" + e.getMessage() + "): it is needed to run the"
                        + " CloudNativePG validator");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return nodeMissing;
    }

    /**
     * The Cluster model's complaints about the object, each as "path: message" (the package's validate() reports
     * them as "data/spec/instances must be integer, data/... ..."); empty when it is valid. Runs
     * {@value #CNPG_VALIDATOR} with node in target/cnpg, the object on its standard input.
     */
    private static List<String> validateWithNode(JsonNode object) {
        Path dir = cnpgPackage();
        Path output = null;
        try {
            output = Files.createTempFile(dir, "validate-", ".out");
            Process p = new ProcessBuilder("node", CNPG_VALIDATOR)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(object.toString().getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(NODE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("node " + CNPG_VALIDATOR + " did not end within " + NODE_TIMEOUT);
            }
            String said = Files.readString(output).trim();
            switch (p.exitValue()) {
                case 0:
                    return List.of();
                case 1:
                    List<String> problems = new ArrayList<>();
                    for (String complaint : said.split(", (?=data[/ ])")) {
                        Matcher m = COMPLAINT.matcher(complaint.trim());
                        problems.add(
                                m.matches()
                                        ? (m.group(1).isEmpty() ? "/" : m.group(1)) + ": " + m.group(2)
                                        : complaint.trim());
                    }
                    return problems;
                default:
                    throw new IllegalStateException(
                            "node " + CNPG_VALIDATOR + " in " + dir + " failed (exit " + p.exitValue() + "): " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run node " + CNPG_VALIDATOR + " in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // target/ is cleaned by the build
                }
            }
        }
    }

    /** One complaint of the package's validate(): "data" + the instance path, a space, the message. */
    private static final Pattern COMPLAINT = Pattern.compile("data(\\S*) (.+)", Pattern.DOTALL);

    /** The schema's complaints about the object, each as "path: message"; empty when it is valid. */
    static List<String> validate(JsonNode object) {
        String key = key(object);
        Origin origin = KINDS.get(key);
        if (origin == null) {
            throw new IllegalArgumentException("no schema for " + key + " (add it to Schemas.KINDS)");
        }
        return validate(key, origin, object);
    }

    private static List<String> validate(String key, Origin origin, JsonNode object) {
        if (origin.source() == Source.CNPG) {
            return validateWithNode(object);
        }
        return problems(LOADED.computeIfAbsent(key, k -> compile(k, origin)), object);
    }

    private static List<String> problems(Schema schema, JsonNode object) {
        List<Error> errors = schema.validate(object.toString(), InputFormat.JSON);
        return errors.stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .collect(Collectors.toList());
    }

    /** The compose file's schema complaints, against {@link #composeSchema()}. */
    static List<String> validateCompose(JsonNode compose) {
        Schema schema = LOADED.computeIfAbsent(
                COMPOSE,
                k -> localSchema(composeSchema()
                        .orElseThrow(() ->
                                new IllegalStateException(composeUnavailable().orElseThrow()))));
        return problems(schema, compose);
    }

    private static Schema compile(String key, Origin origin) {
        int slash = key.lastIndexOf('/');
        String apiVersion = key.substring(0, Math.max(slash, 0));
        String kind = key.substring(slash + 1);
        switch (origin.source()) {
            case KUBERNETES:
                return REGISTRY.getSchema(
                        kubernetes(origin.name(), apiVersion, kind).toString(), InputFormat.JSON);
            case STRIMZI:
                Path crd = strimziCrds().resolve(origin.name());
                return REGISTRY.getSchema(strimzi(crd, apiVersion, kind).toString(), InputFormat.JSON);
            default:
                throw new IllegalArgumentException(key + " is validated by node, not by a schema here");
        }
    }

    /**
     * A schema file as it is (compose-spec.json is already standalone strict draft-07: every object of it says
     * {@code additionalProperties: false}, with {@code ^x-} extensions allowed where the specification allows them).
     * A relative {@code $id} (compose-spec.json says {@code compose_spec.json}) is refused by
     * the validator, so it is replaced by the file's URI, which is what it is relative to; nothing else changes.
     */
    private static Schema localSchema(Path file) {
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

    private static JsonNode kubernetesDefinitions() {
        if (kubernetesDefinitions == null) {
            synchronized (Schemas.class) {
                if (kubernetesDefinitions == null) {
                    try (InputStream in = Schemas.class.getClassLoader().getResourceAsStream(KUBERNETES_DEFINITIONS)) {
                        if (in == null) {
                            throw new IllegalStateException(KUBERNETES_DEFINITIONS + " is not on the class path");
                        }
                        kubernetesDefinitions = Yaml.JSON.readTree(in).path("definitions");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return kubernetesDefinitions;
    }

    /**
     * A Kubernetes kind's standalone strict schema: its definition, strict, with every definition it reaches (by
     * {@code $ref}) carried along under {@code definitions}, so that the same {@code #/definitions/...} references
     * resolve inside the one schema.
     */
    static ObjectNode kubernetes(String definition, String apiVersion, String kind) {
        JsonNode all = kubernetesDefinitions();
        JsonNode root = all.get(definition);
        String version = apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
        if (root == null || !definition.endsWith("." + version + "." + kind)) {
            throw new IllegalStateException(
                    "no definition " + definition + " of " + apiVersion + " " + kind + " in " + KUBERNETES_DEFINITIONS);
        }
        ObjectNode definitions = NODES.objectNode();
        Map<String, JsonNode> reached = new TreeMap<>();
        Deque<String> pending = new ArrayDeque<>(references(root));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (reached.containsKey(name)) {
                continue;
            }
            JsonNode def = all.get(name);
            if (def == null) {
                throw new IllegalStateException(definition + " refers to " + name + ", which is not defined");
            }
            reached.put(name, def);
            pending.addAll(references(def));
        }
        reached.forEach(
                (name, def) -> definitions.set(name, QUANTITY.equals(name) ? anyOf("string", "number") : strict(def)));
        ObjectNode schema = standalone(strict(root), apiVersion, kind);
        if (!definitions.isEmpty()) {
            schema.set("definitions", definitions);
        }
        return schema;
    }

    /** The {@code openAPIV3Schema} of a CRD's version, standalone strict. */
    static ObjectNode strimzi(Path crdFile, String apiVersion, String kind) {
        JsonNode spec = Yaml.document(Repository.read(crdFile)).path("spec");
        for (JsonNode version : spec.path("versions")) {
            String name =
                    spec.path("group").asText() + "/" + version.path("name").asText();
            if (name.equals(apiVersion)
                    && kind.equals(spec.path("names").path("kind").asText())) {
                return standalone(strict(version.path("schema").path("openAPIV3Schema")), apiVersion, kind);
            }
        }
        throw new IllegalStateException(crdFile + " does not define " + apiVersion + " " + kind);
    }

    /** The kind's root schema: draft-07, apiVersion and kind required and fixed. */
    private static ObjectNode standalone(ObjectNode root, String apiVersion, String kind) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.setAll(root);
        ObjectNode properties = schema.with("properties");
        properties.set("apiVersion", fixed(apiVersion));
        properties.set("kind", fixed(kind));
        ArrayNode required = schema.withArray("required");
        for (String field : List.of("apiVersion", "kind")) {
            boolean listed = false;
            for (JsonNode r : required) {
                listed |= field.equals(r.asText());
            }
            if (!listed) {
                required.add(field);
            }
        }
        return schema;
    }

    private static ObjectNode fixed(String value) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "string");
        node.putArray("enum").add(value);
        return node;
    }

    /** {@code anyOf} the JSON types given: a value that may be written as either. */
    private static ObjectNode anyOf(String... types) {
        ObjectNode node = NODES.objectNode();
        ArrayNode anyOf = node.putArray("anyOf");
        for (String type : types) {
            anyOf.addObject().put("type", type);
        }
        return node;
    }

    private static Set<String> references(JsonNode node) {
        return node.findValuesAsText("$ref").stream()
                .map(ref -> {
                    if (!ref.startsWith("#/definitions/")) {
                        throw new IllegalStateException("unexpected reference " + ref);
                    }
                    return ref.substring("#/definitions/".length());
                })
                .collect(Collectors.toSet());
    }

    /**
     * One schema (OpenAPI's subset) as a strict draft-07 schema, the way {@code openapi2jsonschema --strict} does it:
     *
     * <ul>
     *   <li>an object ({@code type: object}) that lists {@code properties}, says nothing of {@code
     *       additionalProperties} and is not {@code x-kubernetes-preserve-unknown-fields} gets {@code
     *       additionalProperties: false};
     *   <li>int-or-string ({@code x-kubernetes-int-or-string}, or Swagger's {@code format: int-or-string}) becomes
     *       {@code anyOf: [string, integer]}; {@code nullable} adds {@code null} to the type;
     *   <li>{@code description}, {@code format} and the {@code x-} annotations are dropped.
     * </ul>
     */
    static ObjectNode strict(JsonNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)
                || "int-or-string".equals(schema.path("format").asText())) {
            return anyOf("string", "integer");
        }
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            switch (name) {
                case "description", "format", "nullable", "example", "externalDocs" -> {
                    // annotations: they do not constrain a value here (nullable is applied below)
                }
                case "properties", "patternProperties", "definitions" -> {
                    ObjectNode props = out.putObject(name);
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), strict(p.getValue())));
                }
                case "items", "additionalProperties", "not" -> {
                    if (value.isObject()) {
                        out.set(name, strict(value));
                    } else if (value.isArray()) {
                        ArrayNode items = out.putArray(name);
                        value.forEach(v -> items.add(strict(v)));
                    } else {
                        out.set(name, value);
                    }
                }
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode list = out.putArray(name);
                    value.forEach(v -> list.add(strict(v)));
                }
                default -> {
                    if (!name.startsWith("x-")) {
                        out.set(name, value.deepCopy());
                    }
                }
            }
        }
        if ("object".equals(schema.path("type").asText())
                && schema.has("properties")
                && !schema.has("additionalProperties")
                && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            out.put("additionalProperties", false);
        }
        if (schema.path("nullable").asBoolean(false) && out.has("type")) {
            JsonNode type = out.get("type");
            ArrayNode types = NODES.arrayNode();
            if (type.isArray()) {
                types.addAll((ArrayNode) type);
            } else {
                types.add(type);
            }
            types.add("null");
            out.set("type", types);
        }
        return out;
    }
}
