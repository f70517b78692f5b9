package dev.switchboard.thread.rest;

import dev.switchboard.platform.web.caller.InternalCallers;
import dev.switchboard.thread.Caller;
import dev.switchboard.thread.listing.ConversationFilter;
import dev.switchboard.thread.listing.ConversationListing;
import dev.switchboard.thread.listing.ListingParameters;
import dev.switchboard.thread.listing.PageToken;
import dev.switchboard.thread.listing.PageTokens;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Seed 001's conversation list of the caller's organisation (the gateway maps the public route onto it). An admin or
 * a service key lists every thread of the organisation; a member only the threads they take part in (as if they
 * had sent {@code userId} = themselves; naming another user lists nothing).
 */
@Path("/internal/threads")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ConversationListResource {

    private final ConversationListing listing;
    private final PageTokens tokens;
    private final InternalCallers caller;

    ConversationListResource(ConversationListing listing, PageTokens tokens, InternalCallers caller) {
        this.listing = listing;
        this.tokens = tokens;
        this.caller = caller;
    }

    @GET
    public Uni<ConversationListResponse> list(
            @QueryParam("agentNumericId") String agentNumericId,
            @QueryParam("userId") String userId,
            @QueryParam("toolName") String toolName,
            @QueryParam("timeframe") String timeframe,
            @QueryParam("includeTools") String includeTools,
            @QueryParam("pageSize") String pageSize,
            @QueryParam("page") String page,
            @QueryParam("pageToken") String pageToken) {
        Caller who = Caller.of(caller.current());
        String participant = ListingParameters.text(userId, "userId");
        boolean someoneElse = !who.reachesOrganisation() && participant != null && !participant.equals(who.userId());
        ConversationFilter filter = new ConversationFilter(
                who.orgId(),
                ListingParameters.skillId(agentNumericId),
                who.reachesOrganisation() ? participant : who.userId(),
                ListingParameters.text(toolName, "toolName"),
                ListingParameters.timeframe(timeframe));
        int size = ListingParameters.pageSize(pageSize);
        int legacyPage = ListingParameters.page(page);
        boolean tools = ListingParameters.includeTools(includeTools);
        if (someoneElse) {
            // a member sees no other user's conversations: an empty list, as for a user with none
            return Uni.createFrom().item(new ConversationListResponse(List.of(), null, 0, legacyPage, size));
        }
        PageToken after = pageToken == null || pageToken.isBlank() ? null : tokens.read(pageToken.trim(), filter);
        return listing.list(filter, after, legacyPage, size, tools)
                .map(result -> new ConversationListResponse(
                        result.threads(),
                        result.next() == null ? null : tokens.mint(result.next(), filter),
                        result.total(),
                        after == null ? legacyPage : after.page(),
                        size));
    }
}
