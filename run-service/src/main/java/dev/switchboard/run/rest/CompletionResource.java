package dev.switchboard.run.rest;

import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.provider.ChatTurn;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.provider.ModelRequest;
import dev.switchboard.run.provider.ModelRoute;
import dev.switchboard.run.provider.ProviderException;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * One model answer outside any thread or run, for the gateway's team chats (the route supervisor and the
 * summary): {@code {"model", "instructions", "message"}} to {@code {"content", "provider", "model"}}.
 */
@Path("/internal/completions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompletionResource {

    /** The body. */
    public record Completion(
            @NotNull(message = "model is required") @Size(min = 1, max = 100, message = "model must be 1-100 characters")
            String model,
            @Size(max = 100_000, message = "instructions must be at most 100000 characters") String instructions,
            @NotNull(message = "message is required")
            @Size(min = 1, max = 200_000, message = "message must be 1-200000 characters") String message) {
    }

    /** The answer. */
    public record Answer(String content, String provider, String model) {
    }

    private static final Logger LOG = Logger.getLogger(CompletionResource.class);

    private final ModelProviders providers;

    public CompletionResource(ModelProviders providers) {
        this.providers = providers;
    }

    @POST
    public Uni<Answer> complete(@Valid @NotNull(message = "a JSON body is required") Completion completion) {
        ModelRoute route = providers.route(completion.model());
        return providers.provider(route).complete(new ModelRequest(route.providerModel(), "team",
                        completion.instructions() == null ? "" : completion.instructions(),
                        List.of(new ChatTurn.User(completion.message())), List.of()))
                .map(reply -> new Answer(reply.content(), route.provider(), completion.model()))
                .onFailure(ProviderException.class).transform(e -> {
                    LOG.warnf("completion with %s failed: %s", completion.model(), ((ProviderException) e).detail());
                    return ApiException.badGateway(e.getMessage());
                });
    }
}
