package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.thread.service.ThreadStarter;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/** Seed 002's first step: a new thread with its first user message and the caller's files attached. */
@Path("/internal/threads/with-message")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThreadStartResource {

    private final ThreadStarter starter;
    private final InternalCallers caller;

    ThreadStartResource(ThreadStarter starter, InternalCallers caller) {
        this.starter = starter;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<StartedThreadResponse>> start(@Valid @NotNull StartThreadRequest request) {
        return starter.start(caller.org(), caller.user(), request)
                .map(started -> RestResponse.ResponseBuilder.<StartedThreadResponse>created(URI.create(
                                "/internal/threads/" + started.thread().id()))
                        .entity(started)
                        .build());
    }
}
