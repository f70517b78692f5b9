package dev.switchboard.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {

    @TempDir
    Path dir;

    @Test
    void theSecretsKeyAndTheSigningKeyAreReadableByTheirOwnerOnlyAndKeptAcrossStarts() throws Exception {
        String key = SecretsKey.ensure(dir);
        assertEquals(key, SecretsKey.ensure(dir), "the second start reads the key the first made");
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets.key"))));

        RsaKeys keys = RsaKeys.ensure(dir.resolve("jwt"), "internal");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.privateKey())));
        assertNotEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.publicKey())));
    }
}
