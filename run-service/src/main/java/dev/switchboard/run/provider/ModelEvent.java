package dev.switchboard.run.provider;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** What a model stream emits: text deltas as the provider sends them, then exactly one {@link Completed}. */
public sealed interface ModelEvent permits ModelEvent.TextDelta, ModelEvent.Completed {

    /** A piece of the answer's text, as the provider sent it (never buffered). */
    record TextDelta(String text) implements ModelEvent {}

    /** The last event: the whole answer. */
    record Completed(ModelReply reply) implements ModelEvent {}

    /** The reply of a stream, for callers that do not stream; fails if the stream ends without one. */
    static Uni<ModelReply> collect(Multi<ModelEvent> events) {
        return events.filter(Completed.class::isInstance)
                .map(event -> ((Completed) event).reply())
                .toUni()
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("the model stream ended without a reply"));
    }
}
