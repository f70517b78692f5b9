package dev.switchboard.run.rest;

import dev.switchboard.platform.web.error.ErrorBody;
import dev.switchboard.run.config.RunsConfig;
import dev.switchboard.run.lease.RunReplica;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * While this replica shuts down ({@link RunReplica#draining()}), a request that would start a run (buffered,
 * streamed, or a team chat) is refused with 503 {@code unavailable} and {@code Retry-After}: another replica takes
 * it. Reading, streaming and cancelling runs still work.
 */
public class DrainFilter {

    private final RunReplica replica;
    private final long retryAfterSeconds;

    public DrainFilter(RunReplica replica, RunsConfig config) {
        this.replica = replica;
        this.retryAfterSeconds = Math.max(1, config.drainRetryAfter().toSeconds());
    }

    @ServerRequestFilter
    public Response refuseWhileDraining(ContainerRequestContext request) {
        if (!replica.draining()
                || !"POST".equals(request.getMethod())
                || !startsRun(request.getUriInfo().getPath())) {
            return null;
        }
        Response refused = ErrorBody.response(
                503, "unavailable", "this run-service replica is shutting down; retry the request", null);
        return Response.fromResponse(refused)
                .header("Retry-After", null) // the drain's own hint replaces the default one
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .build();
    }

    /** {@code /internal/runs}, {@code /internal/runs/start}, {@code /internal/runs/stream}, team chats. */
    static boolean startsRun(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals("/internal/runs")
                || p.equals("/internal/runs/start")
                || p.equals("/internal/runs/stream")
                || (p.startsWith("/internal/teams/") && p.endsWith("/chat"));
    }
}
