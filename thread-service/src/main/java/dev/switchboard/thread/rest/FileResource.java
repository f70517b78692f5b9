package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.service.FileService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Files of the caller (seed 002): upload the raw bytes ({@code application/octet-stream}, name and media type
 * as query parameters), read the metadata, read the bytes back. Only the uploader (org + user) sees a file. Bytes
 * are streamed both ways ({@link FileService}): the upload is stored as it arrives, the download read as it is sent.
 */
@Path("/internal/files")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {

    private final FileService files;
    private final InternalCallers caller;

    FileResource(FileService files, InternalCallers caller) {
        this.files = files;
        this.caller = caller;
    }

    /** The body is not a parameter: it is read by {@link StreamedBody}, as fast as it is stored. */
    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<RestResponse<FileResponse>> upload(
            @QueryParam("filename") String filename,
            @QueryParam("contentType") String contentType,
            @Context HttpServerRequest request) {
        return files.upload(caller.org(), caller.user(), filename, contentType, StreamedBody.of(request))
                .onFailure()
                .invoke(() -> StreamedBody.closeIfUnread(request))
                .map(f -> RestResponse.ResponseBuilder.<FileResponse>created(URI.create("/internal/files/" + f.id()))
                        .entity(f)
                        .build());
    }

    @GET
    @Path("{id}")
    public Uni<FileResponse> get(@PathParam("id") String id) {
        return files.get(Caller.of(caller.current()), id);
    }

    /**
     * Negotiated as octet-stream, so that the bytes are written as they are; the header is the file's type. Sent
     * chunked (a stream has no Content-Length): a download cut short ends without its last chunk, never as a
     * shorter file.
     */
    @GET
    @Path("{id}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Multi<byte[]> content(@PathParam("id") String id) {
        return RestMulti.fromUniResponse(
                files.download(Caller.of(caller.current()), id),
                FileService.Download::content,
                download -> Map.of(
                        HttpHeaders.CONTENT_TYPE, List.of(download.file().contentType()),
                        HttpHeaders.CONTENT_DISPOSITION,
                                List.of(contentDisposition(download.file().filename()))));
    }

    static String contentDisposition(String filename) {
        return "attachment; filename*=UTF-8''"
                + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
