package dev.switchboard.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** File uploads through {@code POST /api/v1/files} ({@code switchboard.files.*}; thread-service reads the same). */
@ConfigMapping(prefix = "switchboard.files")
public interface FilesConfig {

    /** The largest file accepted (413 {@code payload_too_large} beyond). */
    @WithDefault("20M")
    MemorySize maxSize();

    /**
     * Room for the multipart envelope around the file: a request whose {@code Content-Length} exceeds
     * {@code max-size} plus this is refused before its body is read. {@code quarkus.http.limits.max-body-size}
     * must be at least the sum.
     */
    @WithDefault("1M")
    MemorySize requestOverhead();
}
