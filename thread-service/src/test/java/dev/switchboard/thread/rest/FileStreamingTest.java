package dev.switchboard.thread.rest;

import static dev.switchboard.local.testing.Api.assertError;
import static dev.switchboard.local.testing.Api.newOrg;
import static dev.switchboard.thread.rest.FileResourceTest.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestTokens;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
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
        String id = given().auth()
                .oauth2(TestTokens.internal(org, "alice"))
                .contentType("application/octet-stream")
                .queryParam("filename", "data.bin")
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
        byte[] read = given().auth()
                .oauth2(TestTokens.internal(org, "alice"))
                .get("/internal/files/" + id + "/content")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertArrayEquals(content, read);
    }

    @Test
    void anUploadSentWithoutALengthIsRefusedBeyondTheLimitAndLeavesNothing() throws Exception {
        long before = countRows("select count(*) from file_chunks");
        byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
        assertError(
                given().auth()
                        .oauth2(TestTokens.internal(newOrg(), "alice"))
                        .contentType("application/octet-stream")
                        .queryParam("filename", "big.bin")
                        .body(new ByteArrayInputStream(tooLarge))
                        .post("/internal/files")
                        .then(),
                413,
                "payload_too_large",
                "file");
        assertEquals(before, countRows("select count(*) from file_chunks"));
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
            execute("delete from file_chunks where file_id = ? and seq >= 60", id);
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
        try (Connection c = connect();
                PreparedStatement ps =
                        c.prepareStatement("select length(data) from file_chunks where file_id = ? order by seq")) {
            ps.setString(1, fileId);
            List<Integer> sizes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sizes.add(rs.getInt(1));
                }
            }
            return sizes;
        }
    }

    static long countRows(String sql) throws SQLException {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void execute(String sql, String parameter) throws SQLException {
        try (Connection c = connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            ps.executeUpdate();
        }
    }

    static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }
}
