package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.error.ApiException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.vertx.MultiHelper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The body of a request as it arrives, with backpressure: nothing is read before it is asked for, and no more
 * than is asked for. The resource reading it takes no body parameter, so Quarkus REST leaves the body alone.
 */
final class StreamedBody {

    private StreamedBody() {}

    static Multi<byte[]> of(HttpServerRequest request) {
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            request.response().writeContinue();
        }
        // a body that breaks off (the caller gone, or resetting an upload it refuses) is stored nowhere: 400
        return MultiHelper.toMulti(request, Buffer::getBytes)
                .onFailure()
                .transform(cut -> ApiException.invalid("the body was cut short", "file"));
    }

    /** After a refusal, a body not read to its end leaves the connection unusable: it is closed after the answer. */
    static void closeIfUnread(HttpServerRequest request) {
        if (!request.isEnded()) {
            request.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
    }
}
