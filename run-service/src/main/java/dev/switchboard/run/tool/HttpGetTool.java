package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.run.config.ToolsConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The built-in {@code http_get}: fetches an http(s) URL of an allowed host and answers
 * {@code {"status", "body", "truncated"}}. Off unless configured; hosts resolving to internal addresses are
 * refused unless {@code allow-private}; redirects are not followed (a 3xx is answered as it is); the body
 * is read up to {@code max-bytes}.
 */
public final class HttpGetTool implements Tool {

    public static final String NAME = "http_get";
    private static final JsonNode PARAMETERS = Schemas.oneString("url", "the http or https URL to fetch", true);

    private final ToolsConfig.HttpGet config;
    private final List<String> allowedHosts;
    private final HttpClient client;

    public HttpGetTool(ToolsConfig.HttpGet config) {
        this.config = config;
        this.allowedHosts = config.allowedHosts().orElse(List.of()).stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Fetches a web page or API response with HTTP GET and returns its status and body text. "
                + "Only some hosts are allowed.";
    }

    @Override
    public JsonNode parameters() {
        return PARAMETERS;
    }

    @Override
    public Uni<ToolResult> call(JsonNode arguments) {
        String url = Schemas.text(arguments, "url");
        return Uni.createFrom().item(() -> fetch(url)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private ToolResult fetch(String url) {
        if (!config.enabled()) {
            return ToolResult.error("http_get is disabled on this server");
        }
        if (url == null || url.isBlank()) {
            return ToolResult.error("the argument 'url' (a string) is required");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return ToolResult.error("'" + url + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return ToolResult.error("only http and https URLs with a host can be fetched");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (!isAllowed(host)) {
            return ToolResult.error("the host " + host + " is not on this server's allow-list for http_get");
        }
        try {
            if (!config.allowPrivate()) {
                AddressGuard.resolvePublic(stripBrackets(host));
            }
            return get(uri);
        } catch (AddressGuard.RefusedAddressException e) {
            return ToolResult.error("refused: " + e.getMessage());
        } catch (HttpTimeoutException e) {
            return ToolResult.error("the request timed out after " + config.timeout().toMillis() + " ms");
        } catch (IOException e) {
            return ToolResult.error("the request failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("the request was interrupted");
        }
    }

    private ToolResult get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(config.timeout())
                .header("Accept", "text/*, application/json;q=0.9, */*;q=0.5").build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        boolean truncated;
        try (InputStream in = response.body()) {
            body = in.readNBytes(config.maxBytes() + 1);
            truncated = body.length > config.maxBytes();
        }
        String text = new String(body, 0, Math.min(body.length, config.maxBytes()), StandardCharsets.UTF_8);
        var answer = JsonNodeFactory.instance.objectNode()
                .put("status", response.statusCode())
                .put("body", text)
                .put("truncated", truncated);
        response.headers().firstValue("location").ifPresent(location -> answer.put("location", location));
        return ToolResult.ok(answer.toString());
    }

    boolean isAllowed(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.equals(host) || allowed.startsWith("*.") && host.endsWith(allowed.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
