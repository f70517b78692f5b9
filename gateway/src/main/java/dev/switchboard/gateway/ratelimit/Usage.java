package dev.switchboard.gateway.ratelimit;

/**
 * Where one policy stands for a caller: the units left ({@code r}) and {@code resetSeconds} ({@code t}): for an
 * allowed request the seconds until all of the quota is free again, for a refused one the seconds until the
 * request could be served.
 */
public record Usage(String policy, Rate rate, long remaining, long resetSeconds) {}
