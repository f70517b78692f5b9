package dev.switchboard.run.provider;

import dev.langchain4j.model.chat.StreamingChatModel;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A provider reached through a langchain4j streaming chat model. A call that fails before it emitted anything
 * (a timeout, a broken connection, 429 or 5xx) is tried again with exponential backoff, up to
 * {@link ProviderSettings#maxRetries()} times; any other failure, or one after text was streamed, ends the
 * stream at once with a {@link ProviderException}. Subscribed on a Vert.x context (a request, a reactive
 * transaction), the events arrive on that context, so the subscriber may go on with Hibernate Reactive and
 * the REST clients; langchain4j itself calls back on the JDK HTTP client's threads.
 */
public class LangChainModelProvider implements ModelProvider {

    private final String name;
    private final StreamingChatModel model;
    private final ProviderSettings settings;

    public LangChainModelProvider(String name, StreamingChatModel model, ProviderSettings settings) {
        this.name = name;
        this.model = model;
        this.settings = settings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Multi<ModelEvent> stream(ModelRequest request) {
        return Multi.createFrom().deferred(() -> {
            Context subscriber = Vertx.currentContext();
            Multi<ModelEvent> events = attempts(request);
            return subscriber == null
                    ? events
                    : events.emitOn(signal -> subscriber.runOnContext(ignored -> signal.run()));
        });
    }

    /** The call, retried, with its failures made {@link ProviderException}s; events on langchain4j's threads. */
    private Multi<ModelEvent> attempts(ModelRequest request) {
        return Multi.createFrom().deferred(() -> {
            AtomicBoolean emitted = new AtomicBoolean();
            AtomicInteger tries = new AtomicInteger();
            Multi<ModelEvent> attempt = Multi.createFrom()
                    .<ModelEvent>emitter(
                            emitter -> {
                                tries.incrementAndGet();
                                ProviderCall call = new ProviderCall(name, emitter, TokenEstimate.input(request));
                                try (ProviderExchange.Binding bound =
                                        call.exchange().bind()) {
                                    model.chat(LangChainMapping.request(request), call);
                                }
                            },
                            BackPressureStrategy.BUFFER)
                    .onItem()
                    .invoke(() -> emitted.set(true));
            Multi<ModelEvent> retried = settings.maxRetries() <= 0
                    ? attempt
                    : attempt.onFailure(failure -> !emitted.get()
                                    && failure instanceof ProviderException provider
                                    && provider.retriable())
                            .retry()
                            .withBackOff(settings.retryBackoff(), settings.maxRetryBackoff())
                            .atMost(settings.maxRetries());
            return retried.onFailure().transform(failure -> {
                ProviderException provider = ProviderErrors.translate(name, failure);
                return tries.get() > 1 ? provider.afterRetries(tries.get() - 1) : provider;
            });
        });
    }
}
