package dev.switchboard.gateway.client.thread;

import io.smallrye.mutiny.Multi;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file's bytes as thread-service sends them (read as the client takes them), with the headers it gave:
 * {@code Content-Type} and {@code Content-Disposition}.
 */
public record FileDownload(Map<String, String> headers, Multi<byte[]> content) {

    /** Not Content-Length: the answer is streamed, chunked. */
    static final List<String> PASSED_ON = List.of("Content-Type", "Content-Disposition");

    /** The headers in the shape Quarkus REST's streamed answers take. */
    public Map<String, List<String>> headerLists() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        headers.forEach((name, value) -> lists.put(name, List.of(value)));
        return lists;
    }
}
