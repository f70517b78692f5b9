package dev.switchboard.run.tool;

import dev.switchboard.run.config.ToolsConfig;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link ToolsConfig} values for plain unit tests. */
record TestToolsConfig(int maxSteps, Duration callTimeout, HttpGet httpGet, Mcp mcp) implements ToolsConfig {

    /** One Vert.x for the tools under test (their HTTP clients), shared by the test classes of this package. */
    static final Vertx VERTX = Vertx.vertx();

    record TestHttpGet(boolean enabled, Optional<List<String>> allowedHosts, boolean allowPrivate, Duration timeout,
            int maxBytes) implements HttpGet {
    }

    record TestMcp(Duration connectTimeout, Optional<List<String>> allowedCommands, boolean allowPrivate)
            implements Mcp {
    }

    static TestHttpGet httpGet(boolean enabled, boolean allowPrivate, String... hosts) {
        return new TestHttpGet(enabled, Optional.of(List.of(hosts)), allowPrivate, Duration.ofSeconds(5), 1024);
    }

    static TestToolsConfig mcp(boolean allowPrivate, String... commands) {
        return new TestToolsConfig(8, Duration.ofSeconds(20), httpGet(false, false),
                new TestMcp(Duration.ofSeconds(20), Optional.of(List.of(commands)), allowPrivate));
    }

    static TestToolsConfig defaults() {
        return mcp(false);
    }
}
