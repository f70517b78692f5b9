package dev.switchboard.gateway.rest.files;

import dev.switchboard.platform.web.error.ApiException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.MultiHelper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.buffer.Buffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The part {@code file} of a {@code multipart/form-data} request as it arrives: its name, its media type and its
 * bytes, a stream with backpressure (nothing is read before it is asked for) that fails with 413
 * {@code payload_too_large} past the largest file, and with 400 when the body breaks off or cannot be read. Parts
 * before it are read and dropped. The resource reading it takes no form parameter, so Quarkus REST leaves the
 * body alone.
 */
record MultipartFilePart(String filename, String contentType, Multi<Buffer> content) {

    static final String PART = "file";

    static Uni<MultipartFilePart> of(HttpServerRequest request, long maxSize) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicReference<HttpServerFileUpload> found = new AtomicReference<>();
            CompletableFuture<Void> partRead = new CompletableFuture<>();
            MultipartEnd end = MultipartEnd.of(request.getHeader(HttpHeaders.CONTENT_TYPE));
            try {
                request.setExpectMultipart(true);
            } catch (RuntimeException unreadable) {
                end = null;
            }
            if (end == null) { // no boundary
                emitter.fail(unreadable());
                return;
            }
            request.handler(end::scan); // the raw bytes, besides the parts Vert.x decodes from them
            request.uploadHandler(upload -> {
                if (!PART.equals(upload.name()) || !found.compareAndSet(null, upload)) {
                    upload.handler(dropped -> {});
                    return;
                }
                upload.pause();
                emitter.complete(new MultipartFilePart(
                        upload.filename(), upload.contentType(), bytes(upload, maxSize, partRead)));
            });
            request.exceptionHandler(failure -> {
                if (found.get() == null) {
                    emitter.fail(unreadable());
                }
                partRead.completeExceptionally(unreadable());
            });
            MultipartEnd closing = end;
            request.endHandler(ended -> {
                if (found.get() == null) {
                    emitter.fail(ApiException.invalid("a multipart part named file is required", PART));
                } else if (!closing.seen()) {
                    partRead.completeExceptionally(unreadable()); // the body ended inside the part
                }
            });
            if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
                request.response().writeContinue(); // curl asks before sending a large file
            }
            request.resume();
        });
    }

    /**
     * The part's bytes, counted; they fail when the body breaks off in the middle of the part, which the part
     * itself does not report ({@code partRead} completes with the part, or fails first).
     */
    private static Multi<Buffer> bytes(HttpServerFileUpload upload, long maxSize, CompletableFuture<Void> partRead) {
        AtomicLong size = new AtomicLong();
        Multi<Buffer> bytes = MultiHelper.toMulti(upload, Buffer::newInstance)
                .onFailure(failure -> !(failure instanceof ApiException))
                .transform(cut -> unreadable())
                .invoke(buffer -> {
                    if (size.addAndGet(buffer.length()) > maxSize) {
                        throw new ApiException(
                                413, "payload_too_large", "file must be at most " + maxSize + " bytes", PART);
                    }
                })
                .onCompletion()
                .invoke(() -> partRead.complete(null));
        Multi<Buffer> unlessBroken = Uni.createFrom()
                .completionStage(partRead)
                .onItem()
                .transformToMulti(done -> Multi.createFrom().empty());
        return Multi.createBy().merging().streams(bytes, unlessBroken);
    }

    private static ApiException unreadable() {
        return ApiException.invalid("the multipart body could not be read", PART);
    }
}
