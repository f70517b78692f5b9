package dev.switchboard.platform.web.http;

/**
 * A service's one upload route, whose body may be larger than {@code switchboard.http.max-json-body}: a bean of
 * this type makes {@link RequestSizeLimit} apply {@link #maxBody()} to {@code POST} {@link #path()}.
 */
public interface UploadRoute {

    /** The normalized path of the upload, e.g. {@code /internal/files}. */
    String path();

    /** The largest body, in bytes. */
    long maxBody();

    /** The field a 413 names ({@code file}: the body of the upload is the file), or null for the request body. */
    String field();
}
