package dev.switchboard.gateway.rest;

import dev.switchboard.gateway.ApiException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.MultiHelper;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.buffer.Buffer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part {@code file} of a {@code multipart/form-data} request as it arrives: its name, its media type and its
 * bytes, a stream with backpressure (nothing is read before it is asked for) that fails with 413
 * {@code payload_too_large} past the largest file. Parts before it are read and dropped. The resource reading it
 * takes no form parameter, so Quarkus REST leaves the body alone.
 */
record MultipartFilePart(String filename, String contentType, Multi<Buffer> content) {

    static final String PART = "file";

    static Uni<MultipartFilePart> of(HttpServerRequest request, long maxSize) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean found = new AtomicBoolean();
            request.setExpectMultipart(true);
            request.uploadHandler(upload -> {
                if (!PART.equals(upload.name()) || !found.compareAndSet(false, true)) {
                    upload.handler(dropped -> { });
                    return;
                }
                upload.pause();
                emitter.complete(new MultipartFilePart(upload.filename(), upload.contentType(),
                        limited(upload, maxSize)));
            });
            request.exceptionHandler(failure -> {
                if (found.compareAndSet(false, true)) {
                    emitter.fail(ApiException.invalid("the multipart body could not be read", PART));
                }
            });
            request.endHandler(end -> {
                if (found.compareAndSet(false, true)) {
                    emitter.fail(ApiException.invalid("a multipart part named file is required", PART));
                }
            });
            request.resume();
        });
    }

    private static Multi<Buffer> limited(HttpServerFileUpload upload, long maxSize) {
        AtomicLong size = new AtomicLong();
        return MultiHelper.toMulti(upload, Buffer::newInstance).invoke(bytes -> {
            if (size.addAndGet(bytes.length()) > maxSize) {
                throw new ApiException(413, "payload_too_large", "file must be at most " + maxSize + " bytes", PART);
            }
        });
    }
}
