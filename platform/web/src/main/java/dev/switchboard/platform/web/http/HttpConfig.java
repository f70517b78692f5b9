package dev.switchboard.platform.web.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the HTTP layer ({@code switchboard.http.*}); every service reads the same keys. */
@ConfigMapping(prefix = "switchboard.http")
public interface HttpConfig {

    /**
     * The largest request body of any route but the file upload (413 {@code payload_too_large} beyond), whether
     * its {@code Content-Length} announces it or it is counted as it arrives.
     */
    @WithDefault("1M")
    MemorySize maxJsonBody();
}
