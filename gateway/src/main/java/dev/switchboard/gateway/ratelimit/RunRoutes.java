package dev.switchboard.gateway.ratelimit;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The public routes that start model runs. Each route of {@link #STARTS_ONE} counts one run when the request
 * arrives. Two routes know their count only from the request itself, and count in their resource through
 * {@link RunQuota}: a seed 004 message starts a run only when its role is {@code user}, and a team chat makes one
 * model call per answering member plus the summary (plus the routing call in {@code route} mode).
 */
final class RunRoutes {

    private static final List<Pattern> STARTS_ONE = List.of(
            Pattern.compile("/api/v1/agents/[^/]+/chat/?"),
            Pattern.compile("/api/v1/agents/[^/]+/conversations/[^/]+/chat/?"),
            Pattern.compile("/api/agents/[^/]+/chat/?"),
            Pattern.compile("/api/agents/[^/]+/chat/stream/?"),
            Pattern.compile("/api/v1/agents/[^/]+/threads/?"));

    private static final List<Pattern> COUNTED_BY_RESOURCE = List.of(
            Pattern.compile("/api/v1/chat/[^/]+/threads/[^/]+/messages/?"), Pattern.compile("/api/teams/[^/]+/chat/?"));

    private RunRoutes() {}

    /** Runs the request starts on arrival: 1 or 0. */
    static int startedOnArrival(String method, String path) {
        return "POST".equals(method) && matches(STARTS_ONE, path) ? 1 : 0;
    }

    /** Whether the route may start runs, counted by its resource once it knows how many. */
    static boolean countedByResource(String method, String path) {
        return "POST".equals(method) && matches(COUNTED_BY_RESOURCE, path);
    }

    private static boolean matches(List<Pattern> patterns, String path) {
        for (Pattern p : patterns) {
            if (p.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }
}
