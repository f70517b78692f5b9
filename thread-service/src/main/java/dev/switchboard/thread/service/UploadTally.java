package dev.switchboard.thread.service;

import dev.switchboard.platform.web.error.ApiException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The size and SHA-256 of an upload, computed as its bytes go by; refuses the bytes beyond the largest file. */
final class UploadTally {

    private final long maxSize;
    private final MessageDigest sha256;
    private long size;

    UploadTally(long maxSize) {
        this.maxSize = maxSize;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    void add(byte[] bytes) {
        size += bytes.length;
        if (size > maxSize) {
            throw new ApiException(413, "payload_too_large", "file must be at most " + maxSize + " bytes", "file");
        }
        sha256.update(bytes);
    }

    /** The size of the whole upload; an empty one is refused. */
    long requireSize() {
        if (size == 0) {
            throw ApiException.invalid("file must not be empty", "file");
        }
        return size;
    }

    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }
}
