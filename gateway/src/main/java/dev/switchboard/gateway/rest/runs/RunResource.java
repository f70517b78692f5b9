package dev.switchboard.gateway.rest.runs;

import dev.switchboard.gateway.client.run.RunClient;
import dev.switchboard.gateway.client.run.RunView;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * Runs: {@code GET /api/v1/runs/{id}} ({@link RunView}, snake_case: status {@code queued}, {@code in_progress},
 * {@code completed}, {@code failed}, {@code cancelled}; timings; usage; tool calls),
 * {@code POST /api/v1/runs/{id}/cancel} (the run once stopped, its partial answer kept; 202
 * {@code {"id", "status": "cancel_requested"}} for a run id not started yet, which then stops at once) and
 * {@code GET /api/v1/runs/{id}/stream} (the run's events after {@code Last-Event-ID} or {@code ?since=N}, then
 * live, for at least a day after it ended).
 */
@Path("/api/v1/runs/{id}")
@Authenticated
public class RunResource {

    private final RunClient runs;
    private final RunStreams streams;
    private final Callers callers;

    public RunResource(RunClient runs, RunStreams streams, Callers callers) {
        this.runs = runs;
        this.streams = streams;
        this.callers = callers;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RunView> get(@PathParam("id") String id) {
        return runs.get(id, callers.current());
    }

    @POST
    @Path("/cancel")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> cancel(@PathParam("id") String id) {
        return runs.cancel(id, callers.current())
                .map(run -> run.started()
                        ? Response.ok(run).build()
                        : Response.accepted(new CancelRequested(run.runId(), run.status()))
                                .build());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(
            @PathParam("id") String id,
            @QueryParam("since") String since,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse,
            @Context HttpServerResponse response) {
        Caller caller = callers.current();
        int from = position(since, lastEventId);
        return streams.resume(id, from, caller, sse, response);
    }

    /** {@code {"id", "status": "cancel_requested"}}: a cancel that came before the run started. */
    public record CancelRequested(String id, String status) {}

    /** {@code since} wins; {@code Last-Event-ID} is {@code <run id>:N} (or N); 0 = from the start. */
    static int position(String since, String lastEventId) {
        String value = since != null ? since : lastEventId;
        String field = since != null ? "since" : "Last-Event-ID";
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int seq =
                    Integer.parseInt(value.substring(value.lastIndexOf(':') + 1).trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid(field + " must be an event id of this run (<run id>:N) or a number N", field);
    }
}
