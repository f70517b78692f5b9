package dev.switchboard.run.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.run.Caller;
import dev.switchboard.run.service.RunService;
import dev.switchboard.run.service.StreamingRuns;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Runs, for the gateway: start one and wait for its answer, or read one back. */
@Path("/internal/runs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RunResource {

    private final RunService runs;
    private final StreamingRuns streaming;
    private final InternalCallers callers;

    public RunResource(RunService runs, StreamingRuns streaming, InternalCallers callers) {
        this.runs = runs;
        this.streaming = streaming;
        this.callers = callers;
    }

    @POST
    public Uni<RunView> start(@Valid @NotNull(message = "a JSON body is required") RunRequest request) {
        return runs.start(caller(), request);
    }

    @GET
    @Path("/{id}")
    public Uni<RunView> get(@PathParam("id") String id) {
        return runs.find(caller(), id);
    }

    /** 200 the run once stopped; 202 when no run has the id yet (a run started with it later stops at once). */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> cancel(@PathParam("id") String id) {
        return streaming
                .cancel(caller(), id)
                .map(run -> run != null
                        ? Response.ok(run).build()
                        : Response.accepted(Map.of("runId", id, "status", "cancel_requested"))
                                .build());
    }

    private Caller caller() {
        return Caller.of(callers.current());
    }
}
