package dev.switchboard.gateway.client;

import dev.switchboard.gateway.config.GatewayConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.InternalTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.File;

/** Files in thread-service, on behalf of a caller (only the uploader sees a file). Its 4xx answers pass through. */
@ApplicationScoped
public class FileClient {

    static final String SERVICE = "thread-service";

    private final FileRestClient rest;
    private final Downstream downstream;

    public FileClient(@RestClient FileRestClient rest, InternalTokens tokens, GatewayConfig config) {
        this.rest = rest;
        this.downstream = new Downstream(SERVICE, config.timeouts().call(), tokens);
    }

    /** Uploads the file's bytes from disk; not retried (a second call would store a second file). */
    public Uni<FileView> upload(String filename, String contentType, File content, Caller caller) {
        return downstream.call(caller, auth -> rest.upload(filename, contentType, content, auth));
    }

    public Uni<FileView> get(String id, Caller caller) {
        return downstream.call(caller, auth -> rest.get(id, auth));
    }

    public Uni<FileBytes> content(String id, Caller caller) {
        return downstream.call(caller, auth -> rest.content(id, auth))
                .map(response -> new FileBytes(response.getEntity(),
                        response.getHeaderString(HttpHeaders.CONTENT_TYPE),
                        response.getHeaderString("Content-Disposition")));
    }
}
