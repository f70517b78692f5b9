package dev.switchboard.thread.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Uploaded files ({@code switchboard.files.*}); the gateway reads the same {@code max-size}. */
@ConfigMapping(prefix = "switchboard.files")
public interface FilesConfig {

    /** The largest file accepted; {@code quarkus.http.limits.max-body-size} must be a little larger. */
    @WithDefault("20M")
    MemorySize maxSize();

    /** The most files one message may attach. */
    @WithDefault("20")
    int maxPerMessage();
}
