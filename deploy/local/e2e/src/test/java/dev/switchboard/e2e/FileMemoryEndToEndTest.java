package dev.switchboard.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.local.LocalStack;
import dev.switchboard.local.StackSettings;
import dev.switchboard.local.testing.TestStacks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, point 5, through the whole stack: files are never held whole. With every service on a 64 MiB heap
 * (the default is 160 MiB), three files of 20 MiB go up through the gateway at once and come back down at once,
 * byte for byte. Held whole, each would take at least 20 MiB of heap in the gateway and in thread-service at the
 * same time (and more while copied); streamed, each takes a 256 KiB chunk and the buffers in flight.
 */
class FileMemoryEndToEndTest {

    private static final String SMALL_HEAP =
            "-Xms32m -Xmx64m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k";
    private static final int SIZE = 20 * 1024 * 1024;
    /** HTTP/1.1: a connection per transfer, as three clients would have (not streams sharing one window). */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static LocalStack stack;
    private static String baseUrl;
    private static String token;

    @BeforeAll
    static void bootStack() throws Exception {
        StackSettings settings = TestStacks.onFreePorts(
                "switchboard-e2e-file-memory-", Map.of("SWITCHBOARD_SERVICE_JAVA_OPTS", SMALL_HEAP));
        stack = new LocalStack(settings, System.out);
        stack.start();
        baseUrl = settings.gatewayUrl();
        token = Files.readString(settings.home().resolve("dev-token")).trim();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void threeFilesOf20MiBGoUpAndComeBackAtOnceOnA64MiBHeap() throws Exception {
        List<byte[]> contents = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            byte[] content = new byte[SIZE];
            new Random(i).nextBytes(content);
            contents.add(content);
            String boundary = "memory-" + UUID.randomUUID();
            uploads.add(HTTP.sendAsync(
                    request("/api/v1/files")
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(
                                    BadRequests.multipart(boundary, "file-" + i + ".bin", content)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> uploaded = uploads.get(i).join();
            assertEquals(201, uploaded.statusCode(), uploaded.body());
            JsonNode file = Gateway.JSON.readTree(uploaded.body());
            assertEquals(SIZE, file.get("size").asInt());
            assertEquals(sha256(contents.get(i)), file.get("sha256").asText());
            ids.add(file.get("id").asText());
        }

        List<CompletableFuture<HttpResponse<byte[]>>> downloads = new ArrayList<>();
        for (String id : ids) {
            downloads.add(HTTP.sendAsync(
                    request("/api/v1/files/" + id + "/content").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> download = downloads.get(i).join();
            assertEquals(200, download.statusCode());
            assertEquals(
                    "application/octet-stream",
                    download.headers().firstValue("Content-Type").orElse(null));
            assertEquals(sha256(contents.get(i)), sha256(download.body()), "file " + i);
        }
        // every service is still up
        HttpResponse<String> agent =
                HTTP.send(request("/api/v1/agents/demo").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, agent.statusCode(), agent.body());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
