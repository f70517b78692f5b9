package dev.switchboard.run.tool;

import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.util.List;
import java.util.Map;

/**
 * The SDK's stdio transport, but the child process does not inherit run-service's environment (database
 * passwords, keys): it gets only {@link #INHERITED} and the {@code env} the operator defined for the server.
 */
final class IsolatedStdioTransport extends StdioClientTransport {

    /**
     * What the child inherits: {@code PATH}, {@code HOME}, {@code LANG}, {@code TMPDIR}, and {@code LOGNAME},
     * {@code SHELL}, {@code TERM}, {@code USER}, which the SDK's {@link ServerParameters} always passes on.
     */
    static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "TMPDIR", "LOGNAME", "SHELL", "TERM", "USER");

    private final Map<String, String> env;

    IsolatedStdioTransport(ServerParameters parameters, Map<String, String> env, McpJsonMapper json) {
        super(parameters, json);
        this.env = env == null ? Map.of() : Map.copyOf(env);
    }

    @Override
    protected ProcessBuilder getProcessBuilder() {
        ProcessBuilder builder = super.getProcessBuilder();
        Map<String, String> environment = builder.environment();
        environment.clear();
        for (String name : INHERITED) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putAll(env);
        return builder;
    }
}
