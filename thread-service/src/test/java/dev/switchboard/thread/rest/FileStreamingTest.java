package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.FileResourceTest.content;
import static dev.switchboard.thread.rest.FileResourceTest.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
import dev.switchboard.thread.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Files are streamed: an upload is stored in 256 KiB chunks as it arrives (in one transaction: a refused upload
 * leaves nothing), a download reads the chunks one at a time while it is being sent.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class FileStreamingTest {

    static final int CHUNK = 256 * 1024;

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    @Test
    void anUploadIsStoredInChunksAndReadBackWhole() throws Exception {
        String org = newOrg();
        byte[] content = random(2 * CHUNK + 1000);
        String id = upload(org, "alice", Map.of("filename", "data.bin"))
                .body(new ByteArrayInputStream(content)) // chunked, no length
                .post("/internal/files")
                .then()
                .statusCode(201)
                .body("size", equalTo(content.length))
                .body(
                        "sha256",
                        equalTo(HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-256").digest(content))))
                .extract()
                .path("id");
        assertEquals(List.of(CHUNK, CHUNK, 1000), chunkSizes(id));
        byte[] read = content(org, "alice", id).statusCode(200).extract().asByteArray();
        assertArrayEquals(content, read);
    }

    @Test
    void anUploadSentWithoutALengthIsRefusedBeyondTheLimitAndLeavesNothing() throws Exception {
        long before = TestDatabase.number("select count(*) from file_chunks");
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        assertError(
                upload(newOrg(), "alice", Map.of("filename", "big.bin"))
                        .body(new ByteArrayInputStream(tooLarge))
                        .post("/internal/files")
                        .then(),
                413,
                "payload_too_large",
                "file");
        assertEquals(before, TestDatabase.number("select count(*) from file_chunks"));
    }

    /**
     * Once the client has the first bytes, the last quarter of the chunks is deleted: a download that had read
     * the file whole before sending it would still deliver every byte; this one cannot.
     */
    @Test
    void aDownloadReadsTheChunksWhileItIsSent() throws Exception {
        String org = newOrg();
        byte[] content = random(20 * 1024 * 1024);
        String id = upload(org, "alice", content)
                .post("/internal/files")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(Collections.nCopies(80, CHUNK), chunkSizes(id));

        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + RestAssured.port + "/internal/files/" + id + "/content"))
                                .header("Authorization", "Bearer " + TestTokens.internal(org, "alice"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long read = 0;
        IOException cut = null;
        try (InputStream body = response.body()) {
            read = body.readNBytes(CHUNK).length;
            TestDatabase.execute("delete from file_chunks where file_id = ? and seq >= 60", id);
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                read += n;
            }
        } catch (IOException e) {
            cut = e;
        }
        assertTrue(read >= CHUNK && read < content.length, "read " + read + " of " + content.length + " bytes");
        // and the client can tell: the answer breaks off, it does not end as if the file were shorter
        assertNotNull(cut, "the download ended cleanly after " + read + " bytes");
    }

    /** The sizes of a file's chunks, in order. */
    static List<Integer> chunkSizes(String fileId) throws SQLException {
        return TestDatabase.numbers("select length(data) from file_chunks where file_id = ? order by seq", fileId)
                .stream()
                .map(Long::intValue)
                .toList();
    }
}
