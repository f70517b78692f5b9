package dev.switchboard.gateway.client.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.Map;

/** run-service's one-off model answers; use {@link RunClient#complete}. */
@RegisterRestClient(configKey = "run-service")
@Path("/internal/completions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface CompletionRestClient {

    @POST
    Uni<JsonNode> complete(Map<String, String> completion, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
