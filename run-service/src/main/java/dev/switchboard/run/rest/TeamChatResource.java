package dev.switchboard.run.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.run.Caller;
import dev.switchboard.run.service.TeamChats;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Team chats, for the gateway's seed 003 {@code POST /api/teams/{id}/chat}: answered once every run is done. */
@Path("/internal/teams/{id}/chat")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamChatResource {

    private final TeamChats chats;
    private final InternalCallers callers;

    public TeamChatResource(TeamChats chats, InternalCallers callers) {
        this.chats = chats;
        this.callers = callers;
    }

    @POST
    public Uni<TeamChatView> chat(@PathParam("id") String id, TeamChatRequest request) {
        return chats.chat(Caller.of(callers.current()), id, request);
    }
}
