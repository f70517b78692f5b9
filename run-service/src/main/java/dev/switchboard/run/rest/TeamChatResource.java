package dev.switchboard.run.rest;

import dev.switchboard.run.service.TeamChats;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Team chats, for the gateway's seed 003 {@code POST /api/teams/{id}/chat}: answered once every run is done. */
@Path("/internal/teams/{id}/chat")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TeamChatResource {

    private final TeamChats chats;
    private final JsonWebToken token;

    public TeamChatResource(TeamChats chats, JsonWebToken token) {
        this.chats = chats;
        this.token = token;
    }

    @POST
    public Uni<TeamChatView> chat(@PathParam("id") String id, TeamChatRequest request) {
        return chats.chat(RunResource.callerOf(token), id, request);
    }
}
