package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.ApiException;
import dev.switchboard.gateway.client.FileClient;
import dev.switchboard.gateway.config.FilesConfig;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;

/**
 * Files for seed 002's {@code files} handles: upload ({@code multipart/form-data}, part {@code file}), read the
 * metadata, read the bytes. Quarkus spools the upload to a temporary file (never more than the body limit);
 * the gateway streams it from there to thread-service, which owns the files. Only the uploader sees a file.
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

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uni<RestResponse<FileResponse>> upload(@RestForm("file") FileUpload file) {
        Caller caller = callers.current();
        if (caller.isService()) {
            throw new ApiException(403, "permission_denied", SERVICE_TOKEN_UPLOADS, null);
        }
        if (file == null || file.uploadedFile() == null) {
            throw ApiException.invalid("a multipart part named file is required", "file");
        }
        long max = config.maxSize().asLongValue();
        if (file.size() > max) {
            throw new ApiException(413, "payload_too_large", "file must be at most " + max + " bytes", "file");
        }
        if (file.size() == 0) {
            throw ApiException.invalid("file must not be empty", "file");
        }
        String filename = file.fileName() == null || file.fileName().isBlank() ? "file" : file.fileName();
        return files.upload(filename, file.contentType(), file.uploadedFile().toFile(), caller)
                .map(f -> RestResponse.ResponseBuilder.<FileResponse>created(URI.create("/api/v1/files/" + f.id()))
                        .entity(FileResponse.from(f)).build());
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
    public Uni<RestResponse<byte[]>> content(@PathParam("id") String id) {
        return files.content(id, callers.current()).map(bytes -> {
            RestResponse.ResponseBuilder<byte[]> answer = RestResponse.ResponseBuilder.ok(bytes.content(),
                    bytes.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : bytes.contentType());
            if (bytes.contentDisposition() != null) {
                answer.header(HttpHeaders.CONTENT_DISPOSITION, bytes.contentDisposition());
            }
            return answer.build();
        });
    }
}
