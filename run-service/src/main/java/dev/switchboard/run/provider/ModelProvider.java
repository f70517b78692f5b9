package dev.switchboard.run.provider;

import io.smallrye.mutiny.Uni;

/** A source of model answers. */
public interface ModelProvider {

    /** The name stored on each run and published in its events, e.g. {@code offline}. */
    String name();

    Uni<ModelReply> complete(ModelRequest request);
}
