package dev.switchboard.deploy.manifests;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's application.properties says, read at test time: ports, topics, environment hooks. */
record ServiceConfig(String service, Map<String, String> properties) {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    static ServiceConfig of(String service) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Repository.read(Repository.applicationProperties(service))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, p.getProperty(k)));
        return new ServiceConfig(service, map);
    }

    int httpPort() {
        return Integer.parseInt(required("quarkus.http.port"));
    }

    int managementPort() {
        return Integer.parseInt(required("quarkus.management.port"));
    }

    boolean usesKafka() {
        return properties.containsKey("kafka.bootstrap.servers");
    }

    /** The topics of its messaging channels (mp.messaging.*.*.topic). */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("mp.messaging.") && k.endsWith(".topic")) {
                topics.add(v);
            }
        });
        return topics;
    }

    /** The REST client keys it configures a URL for (quarkus.rest-client.KEY.url). */
    Set<String> restClients() {
        Set<String> keys = new TreeSet<>();
        properties.keySet().forEach(k -> {
            if (k.startsWith("quarkus.rest-client.") && k.endsWith(".url")) {
                keys.add(k.substring("quarkus.rest-client.".length(), k.length() - ".url".length()));
            }
        });
        return keys;
    }

    /**
     * Environment variables a cluster must set: every ${VAR} the properties reference (with or without a default:
     * the defaults are the development ones), and the environment form of every property (outside a %profile) whose
     * value is a loopback address, which can only be right on a developer's machine.
     */
    Set<String> requiredEnvironment() {
        Set<String> vars = new TreeSet<>();
        properties.forEach((k, v) -> {
            if (k.startsWith("%") && !k.startsWith("%prod.")) {
                return;
            }
            Matcher m = ENV_REFERENCE.matcher(v);
            while (m.find()) {
                vars.add(m.group(1));
            }
            if (v.contains("127.0.0.1") || v.contains("localhost")) {
                vars.add(environmentName(k.startsWith("%prod.") ? k.substring("%prod.".length()) : k));
            }
        });
        return vars;
    }

    /** MicroProfile Config's environment form of a property name. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private String required(String key) {
        String value = properties.get(key);
        if (value == null) {
            throw new IllegalStateException(service + " has no " + key);
        }
        return value;
    }
}
