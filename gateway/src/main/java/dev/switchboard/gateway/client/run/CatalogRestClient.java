package dev.switchboard.gateway.client.run;

import dev.switchboard.platform.web.replicas.ReplicaFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** run-service's read-only catalogs (models, tools); use {@link CatalogClient}. */
@RegisterRestClient(configKey = "run-service")
@RegisterProvider(ReplicaFilter.class)
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
interface CatalogRestClient {

    @GET
    @Path("/models")
    Uni<ModelList> models(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/tools")
    Uni<ToolCatalog> tools(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
