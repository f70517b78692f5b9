package dev.switchboard.gateway.rest.files;

import dev.switchboard.gateway.client.thread.FileClient;
import dev.switchboard.gateway.client.thread.FileDownload;
import dev.switchboard.gateway.config.FilesConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Files for seed 002's {@code files} handles: upload ({@code multipart/form-data}, part {@code file}), read the
 * metadata, read the bytes. The bytes are streamed both ways, never held whole: the upload goes to thread-service
 * (which owns the files) as it arrives, the download to the client as thread-service sends it. Only the uploader
 * sees a file.
 */
@Path("/api/v1/files")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {

    static final String SERVICE_TOKEN_UPLOADS =
            "Organization Service tokens cannot upload files until service-token file uploads are available";

    private final FileClient files;
    private final Callers callers;
    private final FilesConfig config;

    public FileResource(FileClient files, Callers callers, FilesConfig config) {
        this.files = files;
        this.callers = callers;
        this.config = config;
    }

    /** The body is not a parameter: {@link MultipartFilePart} reads it as fast as thread-service stores it. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<RestResponse<FileResponse>> upload(@Context HttpServerRequest request) {
        Caller caller = callers.current();
        if (caller.isService()) {
            closeIfUnread(request);
            throw new ApiException(403, "permission_denied", SERVICE_TOKEN_UPLOADS, null);
        }
        return MultipartFilePart.of(request, config.maxSize().asLongValue())
                .chain(part -> files.upload(filename(part.filename()), part.contentType(), part.content(), caller))
                .onTermination()
                .invoke(() -> closeIfUnread(request))
                .map(f -> RestResponse.ResponseBuilder.<FileResponse>created(URI.create("/api/v1/files/" + f.id()))
                        .entity(FileResponse.from(f))
                        .build());
    }

    @GET
    @Path("/{id}")
    public Uni<FileResponse> get(@PathParam("id") String id) {
        return files.get(id, callers.current()).map(FileResponse::from);
    }

    /** Negotiated as octet-stream (so the bytes are written as they are); the header is the file's type. */
    @GET
    @Path("/{id}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Multi<byte[]> content(@PathParam("id") String id) {
        return RestMulti.fromUniResponse(
                files.content(id, callers.current()), FileDownload::content, FileDownload::headerLists);
    }

    private static String filename(String given) {
        return given == null || given.isBlank() ? "file" : given;
    }

    /** A body not read to its end leaves the connection unusable: it is closed after the answer. */
    private static void closeIfUnread(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.response().putHeader("Connection", "close");
        }
    }
}
