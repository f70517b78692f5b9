package dev.switchboard.gateway.ratelimit;

import dev.switchboard.platform.web.error.ApiException;

/** 429 {@code rate_limited}: a policy has no room left; its headers are already on the response. */
public class RateLimitedException extends ApiException {

    public static final String CODE = "rate_limited";

    RateLimitedException(Verdict verdict) {
        super(429, CODE, RateLimitHeaders.message(verdict), null);
    }
}
