package dev.switchboard.gateway.client.thread;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.client.Downstream;
import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import dev.switchboard.platform.web.downstream.DownstreamErrors;
import dev.switchboard.platform.web.replicas.Failover;
import dev.switchboard.platform.web.replicas.ReplicaSet;
import dev.switchboard.platform.web.replicas.Replicas;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Files in thread-service, on behalf of a caller (only the uploader sees a file); its 4xx answers pass through.
 * The metadata goes through the REST client; the bytes through a Vert.x HTTP client, streamed both ways with
 * backpressure (the REST client would hold them whole): an upload is sent as it arrives from the client, a
 * download passed on as the client reads it. A stream whose connection to thread-service moves no byte for
 * {@code switchboard.gateway.timeouts.file-idle} fails; the answer to a download must begin within
 * {@code switchboard.gateway.timeouts.call}. With replicas of thread-service ({@code switchboard.replicas.thread-service})
 * each call goes to the next one, and to another one when a replica refuses the connection (before any byte is sent).
 */
@ApplicationScoped
public class FileClient {

    static final String SERVICE = "thread-service";

    private final FileRestClient rest;
    private final Downstream downstream;
    private final DownstreamErrors errors;
    private final InternalTokens tokens;
    private final HttpClient http;
    private final String baseUrl;
    private final Optional<ReplicaSet> replicas;
    private final Failover failover;
    private final ObjectMapper json;

    public FileClient(
            @RestClient FileRestClient rest,
            InternalTokens tokens,
            GatewayConfig config,
            Vertx vertx,
            ObjectMapper json,
            @ConfigProperty(name = "quarkus.rest-client.thread-service.url") String threadServiceUrl) {
        Duration timeout = config.timeouts().call();
        this.rest = rest;
        this.tokens = tokens;
        this.json = json;
        this.downstream = new Downstream(SERVICE, timeout, tokens);
        this.errors = new DownstreamErrors(SERVICE, timeout);
        this.baseUrl = threadServiceUrl.replaceAll("/+$", "");
        this.replicas = Replicas.current().forKey(SERVICE);
        this.failover = new Failover(SERVICE);
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setIdleTimeout((int) Math.max(1, config.timeouts().fileIdle().toSeconds()))
                .setMaxPoolSize(64));
    }

    /** Sends the bytes as they come; not retried (a second call would store a second file). */
    public Uni<FileView> upload(String filename, String contentType, Multi<Buffer> content, Caller caller) {
        String query =
                "?filename=" + encode(filename) + (contentType == null ? "" : "&contentType=" + encode(contentType));
        return tokens.authorization(caller)
                .chain(auth -> open(
                                new RequestOptions()
                                        .setMethod(HttpMethod.POST)
                                        .putHeader(HttpHeaders.AUTHORIZATION, auth)
                                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/octet-stream"),
                                query)
                        .chain(request -> sendStreamed(request, content)))
                .chain(response ->
                        response.statusCode() == 201 ? response.body().map(this::fileView) : refusal(response))
                .onFailure()
                .transform(errors::translate);
    }

    /**
     * Writes the body as it comes, one buffer at a time (the next is read once the last is written). A body that
     * fails (too large, cut, the client gone) resets the request rather than ending it, so that thread-service never
     * takes a cut file for a whole one; an answer that comes before the body ends (a refusal, sent with
     * {@code Connection: close}) stops the writing.
     */
    private static Uni<HttpClientResponse> sendStreamed(HttpClientRequest request, Multi<Buffer> content) {
        request.setChunked(true);
        Cancellable body = content.onItem()
                .transformToUniAndConcatenate(request::write)
                .onItem()
                .ignoreAsUni()
                .subscribe()
                .with(written -> request.endAndForget(), failure -> request.reset(0, failure));
        return request.response().onTermination().invoke(body::cancel); // a no-op once the body is sent
    }

    public Uni<FileView> get(String id, Caller caller) {
        return downstream.call(caller, auth -> rest.get(id, auth));
    }

    /** The headers once thread-service answered; the bytes as they are read. */
    public Uni<FileDownload> content(String id, Caller caller) {
        return downstream.call(
                caller,
                auth -> open(
                                new RequestOptions()
                                        .setMethod(HttpMethod.GET)
                                        .putHeader(HttpHeaders.AUTHORIZATION, auth),
                                "/" + encode(id) + "/content")
                        .chain(request -> request.send())
                        .chain(response -> {
                            if (response.statusCode() != 200) {
                                return refusal(response);
                            }
                            response.pause(); // nothing is read before the client asks for it
                            Map<String, String> headers = new LinkedHashMap<>();
                            for (String name : FileDownload.PASSED_ON) {
                                String value = response.getHeader(name);
                                if (value != null) {
                                    headers.put(name, value);
                                }
                            }
                            return Uni.createFrom()
                                    .item(new FileDownload(
                                            headers, response.toMulti().map(Buffer::getBytes)));
                        }));
    }

    /**
     * A request to {@code /internal/files<path>} on thread-service (the next replica), connected: nothing of it is
     * sent yet, so a replica that refused the connection is skipped and another one asked.
     */
    private Uni<HttpClientRequest> open(RequestOptions options, String path) {
        return failover.call(() -> {
            URI replica = replicas.map(ReplicaSet::next).orElse(null);
            String base = replica == null ? baseUrl : replica.toString().replaceAll("/+$", "");
            return http.request(options.setAbsoluteURI(base + "/internal/files" + path))
                    .onFailure(Replicas::notSent)
                    .invoke(refused -> replicas.ifPresent(set -> set.unreachable(replica)));
        });
    }

    private FileView fileView(Buffer body) {
        try {
            return json.readValue(body.getBytes(), FileView.class);
        } catch (IOException e) {
            throw new IllegalStateException("thread-service's file answer is not a file", e);
        }
    }

    /** A refusal's error body (small) read whole and turned into the gateway's answer. */
    private static <T> Uni<T> refusal(HttpClientResponse response) {
        return response.body().onItem().transform(body -> {
            throw new WebApplicationException(Response.status(response.statusCode())
                    .entity(body == null ? "" : body.toString())
                    .build());
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
