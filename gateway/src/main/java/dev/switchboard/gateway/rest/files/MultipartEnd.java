package dev.switchboard.gateway.rest.files;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Watches the raw bytes of a multipart body for its closing delimiter ({@code CRLF--boundary--}). Vert.x does not
 * report a body that ends inside a part: the part simply never ends. Seen the delimiter, every part is whole.
 */
final class MultipartEnd {

    private final byte[] delimiter;
    private byte[] tail = new byte[0];
    private boolean seen;

    private MultipartEnd(String boundary) {
        this.delimiter = ("\r\n--" + boundary + "--").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** For a {@code multipart/*} content type; null without a boundary. */
    static MultipartEnd of(String contentType) {
        int at = contentType == null ? -1 : contentType.toLowerCase(Locale.ROOT).indexOf("boundary=");
        if (at < 0) {
            return null;
        }
        String boundary = contentType
                .substring(at + "boundary=".length())
                .split(";", 2)[0]
                .strip();
        if (boundary.length() > 1 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        return boundary.isEmpty() ? null : new MultipartEnd(boundary);
    }

    void scan(Buffer chunk) {
        if (seen) {
            return;
        }
        byte[] window = new byte[tail.length + chunk.length()];
        System.arraycopy(tail, 0, window, 0, tail.length);
        chunk.getBytes(window, tail.length);
        seen = indexOf(window) >= 0;
        int keep = Math.min(window.length, delimiter.length - 1);
        tail = new byte[keep];
        System.arraycopy(window, window.length - keep, tail, 0, keep);
    }

    boolean seen() {
        return seen;
    }

    private int indexOf(byte[] window) {
        outer:
        for (int i = 0; i <= window.length - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (window[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
