package dev.switchboard.deploy.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: the repository root (found from the module's directory), the manifests and the schemas. */
final class Repository {

    static final Path ROOT = findRoot();

    private Repository() {}

    static Path k8s() {
        return ROOT.resolve("deploy/k8s");
    }

    static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }

    static Path compose() {
        return ROOT.resolve("deploy/compose/compose.yaml");
    }

    static Path applicationProperties(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/application.properties");
    }

    static Path dockerfile(String service) {
        return ROOT.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root with deploy/k8s above " + dir);
    }
}
