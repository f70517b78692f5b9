package dev.switchboard.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.File;

/** thread-service's file routes; use {@link FileClient}. */
@RegisterRestClient(configKey = "thread-service")
@Path("/internal/files")
interface FileRestClient {

    /** The file is streamed from disk as the raw request body. */
    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<FileView> upload(@QueryParam("filename") String filename, @QueryParam("contentType") String contentType,
            File content, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<FileView> get(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    Uni<RestResponse<byte[]>> content(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization);
}
