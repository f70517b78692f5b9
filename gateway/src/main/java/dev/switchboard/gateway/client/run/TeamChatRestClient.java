package dev.switchboard.gateway.client.run;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** run-service's {@code POST /internal/teams/{id}/chat}; use {@link TeamChatClient}. */
@RegisterRestClient(configKey = "run-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal/teams/{id}/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface TeamChatRestClient {

    @POST
    Uni<TeamChatResult> chat(
            @PathParam("id") String id,
            TeamChatRequest chat,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
