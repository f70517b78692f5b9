package dev.switchboard.gateway.ratelimit;

/**
 * What one request asks of one limit: {@code cost} units of {@code policy}'s {@code rate} for {@code subject} (an
 * API key, a user, an org or an address). The shared counter it draws on is named by {@link #bucket()}.
 */
public record Demand(String policy, String subject, Rate rate, long cost) {

    /** Policy, window length and subject: a changed window never reads another window's counts. */
    public String bucket() {
        return policy + "/" + rate.windowSeconds() + "s/" + subject;
    }
}
