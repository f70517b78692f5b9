package dev.switchboard.run.provider;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A source of model answers. {@link #stream} emits {@link ModelEvent.TextDelta}s as the provider sends them,
 * then one {@link ModelEvent.Completed}; it fails with a {@link ProviderException} when the provider refuses.
 * The call starts on subscription, and cancelling the subscription stops it.
 */
public interface ModelProvider {

    /** The name stored on each run and published in its events: {@code offline}, {@code openai}, {@code anthropic}. */
    String name();

    Multi<ModelEvent> stream(ModelRequest request);

    /** The whole reply, for callers that do not stream. */
    default Uni<ModelReply> complete(ModelRequest request) {
        return ModelEvent.collect(stream(request));
    }
}
