package dev.switchboard.platform.web.replicas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/**
 * Which replicas {@link Replicas#current()} gives: those of the calling application's own configuration, even when
 * two applications (two Quarkus starts, as with two test profiles) share this class in one JVM.
 */
class ReplicasTest {

    @Test
    void eachApplicationReadsItsOwnReplicas() throws Exception {
        Config first = config(Map.of(
                "switchboard.replicas.agent-service", "http://127.0.0.1:8081,http://127.0.0.1:8091",
                "quarkus.rest-client.agent-service.url", "http://127.0.0.1:8081"));
        Config second = config(Map.of(
                "switchboard.replicas.agent-service", "http://127.0.0.1:9081,http://127.0.0.1:9091",
                "quarkus.rest-client.agent-service.url", "http://127.0.0.1:9081"));
        Config none = config(Map.of("quarkus.rest-client.agent-service.url", "http://127.0.0.1:8081"));

        Replicas inFirst = inApplication(first);
        Replicas inSecond = inApplication(second);
        Replicas inNone = inApplication(none);

        assertEquals(
                List.of(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8091")),
                inFirst.forKey("agent-service").orElseThrow().replicas());
        assertEquals(
                List.of(URI.create("http://127.0.0.1:9081"), URI.create("http://127.0.0.1:9091")),
                inSecond.forKey("agent-service").orElseThrow().replicas());
        assertTrue(inNone.forKey("agent-service").isEmpty());
        assertEquals(1, inNone.attempts("agent-service"));
        assertNotSame(inFirst, inSecond);

        // read once per application: its replica sets (round-robin, skips) are kept between calls
        assertSame(inFirst, inApplication(first));
        assertSame(inFirst, Replicas.current(first));
        ReplicaSet set = inSecond.forKey("agent-service").orElseThrow();
        set.unreachable(URI.create("http://127.0.0.1:9081"));
        assertTrue(inApplication(second)
                .forKey("agent-service")
                .orElseThrow()
                .isSkipped(URI.create("http://127.0.0.1:9081")));
    }

    @Test
    void theSkipDurationIsWrittenAsOtherQuarkusDurations() {
        assertEquals(Duration.ofSeconds(5), Replicas.duration("5"));
        assertEquals(Duration.ofSeconds(5), Replicas.duration("5s"));
        assertEquals(Duration.ofMillis(500), Replicas.duration("500ms"));
        assertEquals(Duration.ofMinutes(2), Replicas.duration("2m"));
        assertEquals(Duration.ofHours(1), Replicas.duration("1h"));
        assertEquals(Duration.ofDays(1), Replicas.duration("1d"));
        assertEquals(Duration.ofSeconds(90), Replicas.duration(" PT1M30S "));
        IllegalArgumentException wrong =
                assertThrows(IllegalArgumentException.class, () -> Replicas.duration("five seconds"));
        assertTrue(wrong.getMessage().contains(Replicas.SKIP_FOR), wrong.getMessage());
    }

    /** {@link Replicas#current()} called from an application whose class loader has this configuration. */
    private static Replicas inApplication(Config config) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader application = new URLClassLoader(new URL[0], previous)) {
            ConfigProviderResolver resolver = ConfigProviderResolver.instance();
            resolver.registerConfig(config, application);
            thread.setContextClassLoader(application);
            try {
                return Replicas.current();
            } finally {
                thread.setContextClassLoader(previous);
                resolver.releaseConfig(config);
            }
        }
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 400))
                .build();
    }
}
