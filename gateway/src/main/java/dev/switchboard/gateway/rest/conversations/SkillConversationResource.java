package dev.switchboard.gateway.rest.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.thread.ConversationQuery;
import dev.switchboard.gateway.client.thread.ThreadClient;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.gateway.security.Callers;
import dev.switchboard.platform.web.error.ApiException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Seed 001: the conversations of a skill scope (a skill is a published agent, by numeric id; 0 = every agent
 * of the caller's organisation), newest activity first, with AIP-158 page tokens.
 */
@Path("/api/v1/skills/{id}/conversations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SkillConversationResource {

    private final AgentClient agents;
    private final ThreadClient threads;
    private final Callers callers;

    public SkillConversationResource(AgentClient agents, ThreadClient threads, Callers callers) {
        this.agents = agents;
        this.threads = threads;
        this.callers = callers;
    }

    @GET
    public Uni<JsonNode> list(
            @PathParam("id") String id,
            @QueryParam("userId") String userId,
            @QueryParam("toolName") String toolName,
            @QueryParam("timeframe") String timeframe,
            @QueryParam("includeTools") String includeTools,
            @QueryParam("pageSize") String pageSize,
            @QueryParam("page") String page,
            @QueryParam("pageToken") String pageToken) {
        long skillId = skillId(id);
        Caller caller = callers.current();
        ConversationQuery query =
                new ConversationQuery(userId, toolName, timeframe, includeTools, pageSize, page, pageToken);
        if (skillId == 0) {
            return threads.list(0, query, caller);
        }
        // a skill of another organisation, or none at all, is 404 (agent-service's answer)
        return agents.get(Long.toString(skillId), caller).flatMap(agent -> threads.list(skillId, query, caller));
    }

    static long skillId(String id) {
        try {
            long skillId = Long.parseLong(id.trim());
            if (skillId >= 0) {
                return skillId;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid("id must be a numeric skill id (0 for every skill)", "id");
    }
}
