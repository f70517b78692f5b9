package dev.switchboard.gateway.rest.files;

import dev.switchboard.gateway.config.FilesConfig;
import dev.switchboard.platform.web.http.UploadRoute;
import jakarta.inject.Singleton;

/**
 * {@code POST /api/v1/files}: its body is a multipart upload, up to {@code switchboard.files.max-size} plus the
 * multipart envelope ({@code switchboard.files.request-overhead}).
 */
@Singleton
public class FileUploadRoute implements UploadRoute {

    private final long maxBody;

    public FileUploadRoute(FilesConfig files) {
        this.maxBody = files.maxSize().asLongValue() + files.requestOverhead().asLongValue();
    }

    @Override
    public String path() {
        return "/api/v1/files";
    }

    @Override
    public long maxBody() {
        return maxBody;
    }

    @Override
    public String field() {
        return null;
    }
}
