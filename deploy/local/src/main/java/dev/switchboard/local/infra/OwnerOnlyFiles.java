package dev.switchboard.local.infra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a secret to a file only its owner can read: created so on POSIX, narrowed right after elsewhere. */
final class OwnerOnlyFiles {

    private OwnerOnlyFiles() {}

    static void write(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            File plain = file.toFile();
            if (!(plain.setReadable(false, false)
                    && plain.setReadable(true, true)
                    && plain.setWritable(false, false)
                    && plain.setWritable(true, true))) {
                throw new IOException("cannot make " + file + " readable by its owner only; "
                        + "check the file system's permissions of " + file.getParent());
            }
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
