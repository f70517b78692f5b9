package dev.switchboard.run.tool;

import dev.switchboard.run.config.ToolsConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ToolsConfig} values for plain unit tests. */
record TestToolsConfig(int maxSteps, Duration callTimeout, HttpGet httpGet, Mcp mcp) implements ToolsConfig {

    /** One Vert.x for the tools under test (their HTTP clients), shared by the test classes of this package. */
    static final Vertx VERTX = Vertx.vertx();

    record TestHttpGet(
            boolean enabled, Optional<List<String>> allowedHosts, boolean allowPrivate, Duration timeout, int maxBytes)
            implements HttpGet {}

    record TestMcp(Duration connectTimeout, Map<String, StdioServer> servers, boolean allowPrivate) implements Mcp {}

    record TestStdioServer(String command, Optional<List<String>> args, Map<String, String> env)
            implements StdioServer {}

    static TestHttpGet httpGet(boolean enabled, boolean allowPrivate, String... hosts) {
        return new TestHttpGet(enabled, Optional.of(List.of(hosts)), allowPrivate, Duration.ofSeconds(5), 1024);
    }

    /** MCP with the operator's stdio {@code servers} (none: {@code Map.of()}). */
    static TestToolsConfig mcp(boolean allowPrivate, Map<String, StdioServer> servers) {
        return new TestToolsConfig(
                8,
                Duration.ofSeconds(20),
                httpGet(false, false),
                new TestMcp(Duration.ofSeconds(20), servers, allowPrivate));
    }

    static TestToolsConfig mcp(boolean allowPrivate) {
        return mcp(allowPrivate, Map.of());
    }

    static TestStdioServer stdio(String command, List<String> args, Map<String, String> env) {
        return new TestStdioServer(command, Optional.of(args), env);
    }

    static TestToolsConfig defaults() {
        return mcp(false);
    }
}
