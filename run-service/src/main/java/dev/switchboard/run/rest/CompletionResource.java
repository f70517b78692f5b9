package dev.switchboard.run.rest;

import dev.switchboard.run.service.ModelCompletions;
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

/**
 * One model answer outside any thread or run ({@link ModelCompletions}, which team chats use in-process):
 * {@code {"model", "instructions", "message"}} to {@code {"content", "provider", "model"}}.
 */
@Path("/internal/completions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompletionResource {

    /** The body. */
    public record Completion(
            @NotNull(message = "model is required")
            @Size(min = 1, max = 100, message = "model must be 1-100 characters")
            String model,

            @Size(max = 100_000, message = "instructions must be at most 100000 characters")
            String instructions,

            @NotNull(message = "message is required")
            @Size(min = 1, max = 200_000, message = "message must be 1-200000 characters")
            String message) {}

    /** The answer. */
    public record Answer(String content, String provider, String model) {}

    private final ModelCompletions completions;

    public CompletionResource(ModelCompletions completions) {
        this.completions = completions;
    }

    @POST
    public Uni<Answer> complete(@Valid @NotNull(message = "a JSON body is required") Completion completion) {
        return completions
                .complete(completion.model(), completion.instructions(), completion.message())
                .map(answer -> new Answer(answer.content(), answer.provider(), answer.model()));
    }
}
