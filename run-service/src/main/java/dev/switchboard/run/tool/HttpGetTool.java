package dev.switchboard.run.tool;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.switchboard.run.config.ToolsConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The built-in {@code http_get}: fetches an http(s) URL of an allowed host and answers
 * {@code {"status", "body", "truncated"}}. Off unless configured; hosts resolving to internal addresses are
 * refused unless {@code allow-private}; redirects are not followed (a 3xx is answered as it is); the body
 * is read up to {@code max-bytes}; the whole request takes at most {@code timeout}.
 *
 * <p>The host is resolved once, checked, and the connection made to exactly the address that was checked (the
 * request still names the host, and TLS verifies the certificate against it): a name that resolves to a public
 * address for the check and to an internal one a moment later (DNS rebinding) cannot reach the inside.
 */
public final class HttpGetTool extends OneArgumentTool {

    public static final String NAME = "http_get";

    private final ToolsConfig.HttpGet config;
    private final List<String> allowedHosts;
    private final AddressGuard.Resolver resolver;
    private final HttpClient client;

    public HttpGetTool(ToolsConfig.HttpGet config, Vertx vertx) {
        this(config, vertx, InetAddress::getAllByName);
    }

    HttpGetTool(ToolsConfig.HttpGet config, Vertx vertx, AddressGuard.Resolver resolver) {
        super(
                NAME,
                "Fetches a web page or API response with HTTP GET and returns its status and body text. "
                        + "Only some hosts are allowed.",
                "url",
                "the http or https URL to fetch",
                true);
        this.config = config;
        this.resolver = resolver;
        this.allowedHosts = config.allowedHosts().orElse(List.of()).stream()
                .map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty())
                .toList();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(
                        (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis()))
                .setVerifyHost(true)
                .setKeepAlive(false));
    }

    @Override
    Uni<ToolResult> callWith(String url) {
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
            String name = AddressGuard.hostName(host);
            InetAddress[] addresses = resolver.resolve(name);
            if (!config.allowPrivate()) {
                AddressGuard.checkPublic(name, addresses);
            }
            return get(uri, scheme, addresses[0]);
        } catch (AddressGuard.RefusedAddressException e) {
            return ToolResult.error("refused: " + e.getMessage());
        } catch (UnknownHostException e) {
            return ToolResult.error("the request failed: unknown host " + host);
        } catch (TimeoutException e) {
            return ToolResult.error(
                    "the request timed out after " + config.timeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ToolResult.error("the request failed: " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ToolResult.error("the request was interrupted");
        }
    }

    /** GET {@code uri} from {@code address} (the one resolved and checked), whatever the host resolves to now. */
    private ToolResult get(URI uri, String scheme, InetAddress address)
            throws InterruptedException, ExecutionException, TimeoutException {
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        long timeout = config.timeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(uri.toString())
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setConnectTimeout(timeout)
                .setFollowRedirects(false)
                .putHeader("Accept", "text/*, application/json;q=0.9, */*;q=0.5");
        Promise<HttpClientRequest> sent = Promise.promise();
        Future<Fetched> fetched = client.request(options).onComplete(sent).compose(this::read);
        try {
            return fetched.toCompletionStage()
                    .toCompletableFuture()
                    .get(timeout, TimeUnit.MILLISECONDS)
                    .answer();
        } catch (TimeoutException | InterruptedException e) {
            sent.future().onSuccess(request -> request.reset());
            throw e;
        }
    }

    /** Sends the request and reads the answer's body up to the cap (then drops the connection). */
    private Future<Fetched> read(HttpClientRequest request) {
        int cap = config.maxBytes();
        return request.send().compose(response -> {
            Promise<Fetched> done = Promise.promise();
            Buffer body = Buffer.buffer();
            String location = response.getHeader("location");
            response.handler(chunk -> {
                if (body.length() <= cap) {
                    body.appendBuffer(chunk, 0, Math.min(chunk.length(), cap + 1 - body.length()));
                }
                if (body.length() > cap
                        && done.tryComplete(
                                new Fetched(response.statusCode(), location, body.getBytes(0, cap), true))) {
                    request.reset();
                }
            });
            response.exceptionHandler(done::tryFail);
            response.endHandler(
                    ignored -> done.tryComplete(new Fetched(response.statusCode(), location, body.getBytes(), false)));
            return done.future();
        });
    }

    boolean isAllowed(String host) {
        for (String allowed : allowedHosts) {
            if (allowed.equals(host) || allowed.startsWith("*.") && host.endsWith(allowed.substring(1))) {
                return true;
            }
        }
        return false;
    }

    /** What came back: status, the Location header if any, the body read (at most the cap). */
    private record Fetched(int status, String location, byte[] body, boolean truncated) {

        ToolResult answer() {
            var answer = JsonNodeFactory.instance
                    .objectNode()
                    .put("status", status)
                    .put("body", new String(body, StandardCharsets.UTF_8))
                    .put("truncated", truncated);
            if (location != null) {
                answer.put("location", location);
            }
            return ToolResult.ok(answer.toString());
        }
    }
}
