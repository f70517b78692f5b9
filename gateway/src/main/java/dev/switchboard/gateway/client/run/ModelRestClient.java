package dev.switchboard.gateway.client.run;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** run-service's model catalog route; use {@link ModelClient}. */
@RegisterRestClient(configKey = "run-service")
@Path("/internal/models")
@Produces(MediaType.APPLICATION_JSON)
interface ModelRestClient {

    @GET
    Uni<ModelList> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
