package dev.switchboard.thread.rest;

import static dev.switchboard.thread.TestDatabase.connect;
import static dev.switchboard.thread.rest.FileStreamingTest.CHUNK;
import static dev.switchboard.thread.rest.FileStreamingTest.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.local.testing.SwitchboardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V9 cuts the files stored whole ({@code file_contents}) into chunks: run here in a schema of its own, on files
 * stored the way V4 stored them, the chunks put back together are the bytes, and {@code file_contents} is gone.
 */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class FileChunksMigrationTest {

    @Test
    void filesStoredWholeBecomeChunksOfTheSameBytes() throws Exception {
        String schema = "migration_" + UUID.randomUUID().toString().replace("-", "");
        byte[] large = random(2 * CHUNK + 123);
        byte[] small = "plan".getBytes(StandardCharsets.UTF_8);
        try (Connection c = connect();
                Statement st = c.createStatement()) {
            st.execute("create schema " + schema);
            st.execute("set search_path to " + schema);
            st.execute("create table files (id text primary key)");
            st.execute("create table file_contents (file_id text primary key references files (id) on delete "
                    + "cascade, content bytea not null)");
            store(c, "file_large", large);
            store(c, "file_small", small);

            st.execute(migration());

            assertArrayEquals(large, chunksOf(c, "file_large", 3));
            assertArrayEquals(small, chunksOf(c, "file_small", 1));
            try (ResultSet rs = st.executeQuery("select count(*) from information_schema.tables "
                    + "where table_schema = '" + schema + "' and table_name = 'file_contents'")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
            st.execute("delete from files where id = 'file_small'");
            chunksOf(c, "file_small", 0); // chunks go with their file
            st.execute("drop schema " + schema + " cascade");
        }
    }

    private static void store(Connection c, String id, byte[] content) throws Exception {
        try (PreparedStatement file = c.prepareStatement("insert into files (id) values (?)");
                PreparedStatement bytes = c.prepareStatement("insert into file_contents values (?, ?)")) {
            file.setString(1, id);
            file.executeUpdate();
            bytes.setString(1, id);
            bytes.setBytes(2, content);
            bytes.executeUpdate();
        }
    }

    private static byte[] chunksOf(Connection c, String id, int expectedChunks) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> seqs = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement("select seq, data from file_chunks where file_id = ? order by seq")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getInt(1));
                    out.write(rs.getBytes(2));
                }
            }
        }
        assertEquals(expectedChunks, seqs.size(), "chunks of " + id);
        return out.toByteArray();
    }

    private static String migration() throws Exception {
        try (InputStream in = FileChunksMigrationTest.class
                .getClassLoader()
                .getResourceAsStream("db/migration/V9__file_chunks.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
