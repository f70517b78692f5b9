package dev.switchboard.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The objects one overlay renders to. */
record Manifests(String overlay, List<JsonNode> objects) {

    static Manifests render(String overlay) {
        return new Manifests(overlay, Yaml.documents(Kustomize.render(Repository.overlay(overlay))));
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asText()))
                .collect(Collectors.toList());
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + "/" + name(o);
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).collect(Collectors.toList());
    }

    /** The service's one container. */
    static JsonNode container(JsonNode deployment) {
        JsonNode containers =
                deployment.path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(id(deployment) + " should have one container, has " + containers.size());
        }
        return containers.get(0);
    }

    static Optional<JsonNode> env(JsonNode container, String name) {
        return list(container.path("env")).stream()
                .filter(e -> name.equals(e.path("name").asText()))
                .findFirst();
    }
}
