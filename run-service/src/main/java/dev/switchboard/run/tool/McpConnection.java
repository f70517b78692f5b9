package dev.switchboard.run.tool;

import dev.switchboard.run.client.AgentTool;
import dev.switchboard.run.config.ToolsConfig;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A session with one MCP server of an agent (streamable HTTP for a {@code url}, a child process over stdio for
 * one of the operator's servers), through the official MCP Java SDK: opened, initialised and its tools listed by
 * {@link #open}; closed by {@link #close}.
 */
final class McpConnection {

    private final AgentTool server;
    private final McpAsyncClient client;
    private final List<McpSchema.Tool> tools;

    private McpConnection(AgentTool server, McpAsyncClient client, List<McpSchema.Tool> tools) {
        this.server = server;
        this.client = client;
        this.tools = tools;
    }

    /**
     * Connects, initialises the session and lists every tool (all pages); fails if any step does. {@code stdio}
     * is the operator's definition of the server the agent named ({@code server}), null for a {@code url}.
     */
    static Uni<McpConnection> open(
            AgentTool server, ToolsConfig.StdioServer stdio, ToolsConfig config, AddressGuard.Resolver resolver) {
        return Uni.createFrom()
                .item(() -> client(server, stdio, config, resolver))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(client -> Reactor.toUni(client.initialize())
                        .chain(() -> listAll(client, null, new ArrayList<>()))
                        .map(tools -> new McpConnection(server, client, List.copyOf(tools)))
                        .onFailure()
                        .call(() -> Reactor.toUni(client.closeGracefully())
                                .onFailure()
                                .recoverWithNull()))
                .ifNoItem()
                .after(config.mcp().connectTimeout().plusSeconds(1))
                .failWith(() -> new IllegalStateException(
                        "no answer within " + config.mcp().connectTimeout()));
    }

    AgentTool server() {
        return server;
    }

    List<McpSchema.Tool> tools() {
        return tools;
    }

    Uni<McpSchema.CallToolResult> call(String name, Map<String, Object> arguments) {
        return Reactor.toUni(client.callTool(new McpSchema.CallToolRequest(name, arguments)));
    }

    Uni<Void> close() {
        return Reactor.toUni(client.closeGracefully())
                .ifNoItem()
                .after(Duration.ofSeconds(5))
                .recoverWithItem((Void) null)
                .onFailure()
                .recoverWithNull()
                .invoke(client::close)
                .replaceWithVoid();
    }

    private static Uni<List<McpSchema.Tool>> listAll(McpAsyncClient client, String cursor, List<McpSchema.Tool> found) {
        return Reactor.toUni(cursor == null ? client.listTools() : client.listTools(cursor))
                .chain(page -> {
                    found.addAll(page.tools());
                    boolean more =
                            page.nextCursor() != null && !page.nextCursor().isEmpty() && found.size() < 500;
                    return more
                            ? listAll(client, page.nextCursor(), found)
                            : Uni.createFrom().item(found);
                });
    }

    private static McpAsyncClient client(
            AgentTool server, ToolsConfig.StdioServer stdio, ToolsConfig config, AddressGuard.Resolver resolver) {
        return McpClient.async(transport(server, stdio, config, resolver))
                .requestTimeout(config.callTimeout())
                .initializationTimeout(config.mcp().connectTimeout())
                .clientInfo(new McpSchema.Implementation("switchboard-run-service", "1.0.0"))
                .build();
    }

    private static McpClientTransport transport(
            AgentTool server, ToolsConfig.StdioServer stdio, ToolsConfig config, AddressGuard.Resolver resolver) {
        if (server.url() != null) {
            return httpTransport(server, config, resolver);
        }
        if (stdio == null) {
            throw new IllegalStateException("no MCP server '" + server.server() + "' is defined by the operator");
        }
        ServerParameters parameters = ServerParameters.builder(stdio.command())
                .args(stdio.args().orElse(List.of()))
                .build();
        return new IsolatedStdioTransport(parameters, stdio.env(), McpJsonDefaults.getMapper());
    }

    /**
     * The server's host is checked when the session opens and again before every request of it (a session may
     * last long after the system's DNS cache forgot the first answer); what remains is the instant between a
     * check and the HTTP client's own lookup, which reads the same cached answer.
     */
    private static McpClientTransport httpTransport(
            AgentTool server, ToolsConfig config, AddressGuard.Resolver resolver) {
        URI uri = URI.create(server.url());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalStateException("the URL is not an http or https URL with a host");
        }
        boolean checked = !config.mcp().allowPrivate();
        if (checked) {
            checkPublic(uri.getHost(), resolver);
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority();
        String endpoint = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            endpoint += "?" + uri.getRawQuery();
        }
        Map<String, String> headers = server.headers() == null ? Map.of() : server.headers();
        return HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .connectTimeout(config.mcp().connectTimeout())
                .httpRequestCustomizer((request, method, endpointUri, body, context) -> {
                    if (checked) {
                        checkPublic(endpointUri.getHost(), resolver);
                    }
                    headers.forEach(request::header);
                })
                .build();
    }

    private static void checkPublic(String host, AddressGuard.Resolver resolver) {
        try {
            AddressGuard.resolvePublic(AddressGuard.hostName(host), resolver);
        } catch (AddressGuard.RefusedAddressException | UnknownHostException e) {
            throw new IllegalStateException("refused: " + e.getMessage());
        }
    }
}
