package dev.switchboard.gateway.client.run;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** run-service's {@code POST /internal/runs} for a stored user message; use {@link MessageRunClient}. */
@RegisterRestClient(configKey = "run-service")
@Path("/internal/runs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface MessageRunRestClient {

    @POST
    Uni<RunResult> run(MessageRunRequest run, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
