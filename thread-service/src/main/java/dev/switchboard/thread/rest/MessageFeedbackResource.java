package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.service.MessageFeedbackService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** One message with the caller's feedback, and feedback on an assistant message (seed 004). */
@Path("/internal/threads/{id}/messages/{messageId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessageFeedbackResource {

    private final MessageFeedbackService service;
    private final InternalCallers caller;

    MessageFeedbackResource(MessageFeedbackService service, InternalCallers caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    public Uni<MessageDetailsResponse> get(@PathParam("id") String threadId, @PathParam("messageId") String messageId) {
        return service.get(Caller.of(caller.current()), threadId, parseMessageId(messageId));
    }

    /** 201 with the new feedback, or 200 with the caller's earlier feedback on the message, updated. */
    @PUT
    @Path("feedback")
    public Uni<RestResponse<FeedbackResponse>> give(
            @PathParam("id") String threadId,
            @PathParam("messageId") String messageId,
            @Valid @NotNull FeedbackRequest request) {
        return service.give(Caller.of(caller.current()), threadId, parseMessageId(messageId), request)
                .map(given -> given.created()
                        ? RestResponse.status(RestResponse.Status.CREATED, given.feedback())
                        : RestResponse.ok(given.feedback()));
    }

    /** A message id that is not a UUID names no message. */
    private static UUID parseMessageId(String messageId) {
        try {
            return UUID.fromString(messageId);
        } catch (IllegalArgumentException e) {
            throw new ApiException(404, "not_found", "message " + messageId + " not found", "messageId");
        }
    }
}
