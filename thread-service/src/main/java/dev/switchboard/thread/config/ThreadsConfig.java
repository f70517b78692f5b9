package dev.switchboard.thread.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.threads")
public interface ThreadsConfig {

    /** A thread's title is its first user message cut to this many characters. */
    @WithDefault("80")
    int titleLength();

    @WithDefault("20")
    int defaultHistoryLimit();

    @WithDefault("1000")
    int maxHistoryLimit();

    /**
     * The HMAC key page tokens are signed with. The default suits development and tests only: production
     * sets its own secret (SWITCHBOARD_PAGE_TOKEN_KEY), the same on every replica.
     */
    @WithDefault("switchboard-dev-page-token-key")
    String pageTokenKey();
}
