package dev.switchboard.gateway.rest.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class MultipartEndTest {

    @Test
    void theClosingDelimiterIsSeenAcrossChunks() {
        MultipartEnd end = MultipartEnd.of("multipart/form-data; boundary=\"abc\"; charset=utf-8");
        end.scan(Buffer.buffer("--abc\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhello\r\n--a"));
        assertFalse(end.seen());
        end.scan(Buffer.buffer("b"));
        end.scan(Buffer.buffer("c-"));
        assertFalse(end.seen());
        end.scan(Buffer.buffer("-\r\n"));
        assertTrue(end.seen());
    }

    @Test
    void aDelimiterThatOnlyOpensAPartIsNotTheEnd() {
        MultipartEnd end = MultipartEnd.of("multipart/form-data; BOUNDARY=abc");
        end.scan(Buffer.buffer("--abc\r\n\r\nx\r\n--abc\r\n\r\ny --abc-- is no delimiter without its line break"));
        assertFalse(end.seen());
    }

    @Test
    void noBoundaryNoWatcher() {
        assertNull(MultipartEnd.of("multipart/form-data"));
        assertNull(MultipartEnd.of("multipart/form-data; boundary="));
        assertNull(MultipartEnd.of(null));
    }
}
