package dev.switchboard.run.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tools a run may call, under {@code switchboard.tools}. */
@ConfigMapping(prefix = "switchboard.tools")
public interface ToolsConfig {

    /** How many tool-calling steps one run may take before it must answer. */
    @WithDefault("8")
    int maxSteps();

    /** How long one tool call may take; a slower call is an error result. */
    @WithDefault("30s")
    Duration callTimeout();

    HttpGet httpGet();

    Mcp mcp();

    /** The built-in {@code http_get} tool: off unless enabled, and then only for the listed hosts. */
    interface HttpGet {

        @WithDefault("false")
        boolean enabled();

        /** Host names (or {@code *.example.com} for its subdomains) the tool may fetch; none when empty. */
        Optional<List<String>> allowedHosts();

        /** Whether hosts may resolve to loopback, private, link-local, unique-local or multicast addresses. */
        @WithDefault("false")
        boolean allowPrivate();

        @WithDefault("10s")
        Duration timeout();

        /** The largest response body read; a longer one is cut there (and said to be truncated). */
        @WithDefault("65536")
        int maxBytes();
    }

    /** MCP servers of agents. */
    interface Mcp {

        /** Connecting to a server and listing its tools, per server. */
        @WithDefault("10s")
        Duration connectTimeout();

        /**
         * The stdio MCP servers of this deployment, by name ({@code ^[a-z][a-z0-9_-]{0,62}$}): the operator
         * chooses the program, its arguments and environment; an agent only picks one by name
         * ({@code {"type": "mcp", "server": "everything"}}). None by default.
         */
        Map<String, StdioServer> servers();

        /** Whether an MCP {@code url} may resolve to loopback, private, link-local or multicast addresses. */
        @WithDefault("false")
        boolean allowPrivate();
    }

    /**
     * One operator-defined stdio MCP server: {@code switchboard.tools.mcp.servers.<name>.command=npx},
     * {@code .args=-y,@modelcontextprotocol/server-everything} (or {@code .args[0]=...}), {@code .env.LOG_LEVEL=info}.
     * The process gets only {@code PATH}, {@code HOME}, {@code LANG}, {@code TMPDIR} and this {@code env}.
     */
    interface StdioServer {

        /** The program, as the operator writes it (found on {@code PATH} unless a path). */
        String command();

        Optional<List<String>> args();

        Map<String, String> env();
    }
}
