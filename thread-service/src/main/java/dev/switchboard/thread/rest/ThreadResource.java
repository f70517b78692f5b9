package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.config.ThreadsConfig;
import dev.switchboard.thread.service.ThreadService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The internal thread API; org and user of every call come from the internal JWT. */
@Path("/internal/threads")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ThreadResource {

    private final ThreadService threads;
    private final InternalCallers caller;
    private final ThreadsConfig config;

    ThreadResource(ThreadService threads, InternalCallers caller, ThreadsConfig config) {
        this.threads = threads;
        this.caller = caller;
        this.config = config;
    }

    @POST
    public Uni<RestResponse<ThreadResponse>> create(@Valid @NotNull CreateThreadRequest request) {
        return threads.create(caller.org(), caller.user(), request)
                .map(t -> RestResponse.ResponseBuilder.<ThreadResponse>created(
                                URI.create("/internal/threads/" + t.id()))
                        .entity(t)
                        .build());
    }

    @POST
    @Path("current")
    public Uni<ThreadResponse> current(@Valid @NotNull CreateThreadRequest request) {
        String org = caller.org();
        String user = caller.user();
        // a request that lost the race for the slot and failed on the way simply reads the winner's thread
        return Uni.createFrom()
                .deferred(() -> threads.current(org, user, request))
                .onFailure(e -> !(e instanceof ApiException))
                .retry()
                .atMost(2);
    }

    @GET
    @Path("current/messages")
    public Uni<MessageListResponse> currentMessages(
            @QueryParam("agentId") String agentId, @QueryParam("limit") String limit) {
        return threads.currentMessages(caller.org(), caller.user(), parseAgentId(agentId), parseLimit(limit));
    }

    @GET
    @Path("{id}")
    public Uni<ThreadResponse> get(@PathParam("id") String id) {
        return threads.get(Caller.of(caller.current()), id);
    }

    @GET
    @Path("{id}/messages")
    public Uni<MessageListResponse> messages(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return threads.messages(Caller.of(caller.current()), id, parseLimit(limit));
    }

    @POST
    @Path("{id}/messages")
    public Uni<RestResponse<MessageResponse>> append(
            @PathParam("id") String id, @Valid @NotNull AppendMessageRequest request) {
        return threads.append(Caller.of(caller.current()), id, request)
                .map(appended -> appended.created()
                        ? RestResponse.ResponseBuilder.<MessageResponse>created(URI.create("/internal/threads/" + id
                                        + "/messages/" + appended.message().id()))
                                .entity(appended.message())
                                .build()
                        : RestResponse.ok(appended.message()));
    }

    /** Adds a participant: they reach the thread from then on (200 the thread). */
    @PUT
    @Path("{id}/participants/{userId}")
    @Consumes(MediaType.WILDCARD)
    public Uni<ThreadResponse> addParticipant(@PathParam("id") String id, @PathParam("userId") String userId) {
        return threads.participant(Caller.of(caller.current()), id, participantId(userId), true);
    }

    /** Removes a participant (not the creator): 200 the thread. */
    @DELETE
    @Path("{id}/participants/{userId}")
    @Consumes(MediaType.WILDCARD)
    public Uni<ThreadResponse> removeParticipant(@PathParam("id") String id, @PathParam("userId") String userId) {
        return threads.participant(Caller.of(caller.current()), id, participantId(userId), false);
    }

    private static String participantId(String userId) {
        String id = userId == null ? "" : userId.strip();
        if (id.isEmpty() || id.length() > 255) {
            throw ApiException.invalid("userId must be 1-255 characters", "userId");
        }
        return id;
    }

    int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return config.defaultHistoryLimit();
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= config.maxHistoryLimit()) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid("limit must be an integer from 1 to " + config.maxHistoryLimit(), "limit");
    }

    private static UUID parseAgentId(String agentId) {
        try {
            return UUID.fromString(agentId == null ? "" : agentId.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("agentId must be the agent's UUID", "agentId");
        }
    }
}
