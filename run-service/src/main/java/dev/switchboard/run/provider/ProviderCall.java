package dev.switchboard.run.provider;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.smallrye.mutiny.subscription.MultiEmitter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One streaming call to a langchain4j model, feeding a Mutiny emitter: each partial text becomes a
 * {@link ModelEvent.TextDelta} at once, the complete response a {@link ModelEvent.Completed}. Cancelling the
 * subscription cancels langchain4j's {@link StreamingHandle} and aborts the call's {@link ProviderExchange}, so
 * the HTTP connection is closed at once, also while the provider has not answered yet.
 */
final class ProviderCall implements StreamingChatResponseHandler {

    private final String provider;
    private final MultiEmitter<? super ModelEvent> emitter;
    private final int inputEstimate;
    private final ProviderExchange exchange = new ProviderExchange();
    private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    private final StringBuilder text = new StringBuilder();
    private volatile boolean cancelled;

    ProviderCall(String provider, MultiEmitter<? super ModelEvent> emitter, int inputEstimate) {
        this.provider = provider;
        this.emitter = emitter;
        this.inputEstimate = inputEstimate;
        emitter.onCancellation(this::cancel);
    }

    /** The HTTP exchange of this call: bind it while the model is called. */
    ProviderExchange exchange() {
        return exchange;
    }

    void cancel() {
        cancelled = true;
        exchange.abort();
        StreamingHandle current = handle.get();
        if (current != null && !current.isCancelled()) {
            current.cancel();
        }
    }

    private boolean attach(StreamingHandle streamingHandle) {
        if (streamingHandle != null && handle.compareAndSet(null, streamingHandle) && cancelled) {
            streamingHandle.cancel();
        }
        return !cancelled;
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        if (attach(context.streamingHandle())
                && partial.text() != null
                && !partial.text().isEmpty()) {
            synchronized (text) {
                text.append(partial.text());
            }
            emitter.emit(new ModelEvent.TextDelta(partial.text()));
        }
    }

    @Override
    public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
        attach(context.streamingHandle());
    }

    @Override
    public void onPartialThinking(PartialThinking partial, PartialThinkingContext context) {
        attach(context.streamingHandle());
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        if (cancelled) {
            return;
        }
        String streamed;
        synchronized (text) {
            streamed = text.toString();
        }
        emitter.emit(new ModelEvent.Completed(LangChainMapping.reply(response, streamed, inputEstimate)));
        emitter.complete();
    }

    @Override
    public void onError(Throwable error) {
        if (!cancelled) {
            emitter.fail(ProviderErrors.translate(provider, error));
        }
    }
}
