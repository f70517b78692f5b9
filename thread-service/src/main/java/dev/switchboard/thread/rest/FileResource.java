package dev.switchboard.thread.rest;

import dev.switchboard.thread.service.FileService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Files of the caller (seed 002): upload the raw bytes ({@code application/octet-stream}, name and media type
 * as query parameters), read the metadata, read the bytes back. Only the uploader (org + user) sees a file.
 */
@Path("/internal/files")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FileResource {

    private final FileService files;
    private final TokenCaller caller;

    FileResource(FileService files, TokenCaller caller) {
        this.files = files;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<RestResponse<FileResponse>> upload(@QueryParam("filename") String filename,
            @QueryParam("contentType") String contentType, byte[] content) {
        return files.upload(caller.org(), caller.user(), filename, contentType, content)
                .map(f -> RestResponse.ResponseBuilder.<FileResponse>created(URI.create("/internal/files/" + f.id()))
                        .entity(f).build());
    }

    @GET
    @Path("{id}")
    public Uni<FileResponse> get(@PathParam("id") String id) {
        return files.get(caller.org(), caller.user(), id);
    }

    @GET
    @Path("{id}/content")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<RestResponse<byte[]>> content(@PathParam("id") String id) {
        // negotiated as octet-stream, so the bytes writer (not Jackson) is chosen; the header is the file's type
        return files.download(caller.org(), caller.user(), id)
                .map(d -> RestResponse.ResponseBuilder.ok(d.content(), d.file().contentType())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(d.file().filename(), StandardCharsets.UTF_8).replace("+", "%20"))
                        .build());
    }
}
