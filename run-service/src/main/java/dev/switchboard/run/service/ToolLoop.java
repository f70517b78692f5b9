package dev.switchboard.run.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.run.provider.ChatTurn;
import dev.switchboard.run.provider.ModelEvent;
import dev.switchboard.run.provider.ModelProvider;
import dev.switchboard.run.provider.ModelReply;
import dev.switchboard.run.provider.ModelRequest;
import dev.switchboard.run.provider.ToolCallRequest;
import dev.switchboard.run.provider.ToolSpec;
import dev.switchboard.run.stream.CancelSignal;
import dev.switchboard.run.tool.ToolStep;
import dev.switchboard.run.tool.Toolbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The model and its tools, in turns: the model answers (text streamed as it comes); if it asks for tools they are
 * called one after the other, each recorded as a {@link ToolStep}, and their results go back to the model; up to
 * {@code maxSteps} rounds of tool calls. Cancelling stops the model call in flight; the text so far is kept.
 */
final class ToolLoop {

    /** What the run produced: all of the answer's text, its tool calls, the tokens of every round. */
    record Result(
            String text,
            List<ToolStep> steps,
            int inputTokens,
            int outputTokens,
            String finishReason,
            boolean cancelled) {

        ModelReply reply() {
            return new ModelReply(text, List.of(), inputTokens, outputTokens, finishReason);
        }
    }

    /** Where the run's progress goes as it happens. */
    interface Listener {
        /** For a caller that only wants the result. */
        Listener NONE = new Listener() {
            @Override
            public void text(String chunk) {}

            @Override
            public void step(ToolStep step) {}
        };

        void text(String chunk);

        void step(ToolStep step);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelProvider provider;
    private final Toolbox toolbox;
    private final int maxSteps;
    private final Listener listener;
    private final StringBuilder text = new StringBuilder();
    private final List<ToolStep> steps = new ArrayList<>();
    private final AtomicReference<Cancellable> inFlight = new AtomicReference<>();
    private int inputTokens;
    private int outputTokens;

    ToolLoop(ModelProvider provider, Toolbox toolbox, int maxSteps, Listener listener) {
        this.provider = provider;
        this.toolbox = toolbox;
        this.maxSteps = maxSteps;
        this.listener = listener;
    }

    Uni<Result> run(ModelRequest request, CancelSignal signal) {
        List<ToolSpec> tools = toolbox.specifications().stream()
                .map(spec -> new ToolSpec(spec.name(), spec.description(), spec.parameters()))
                .toList();
        ModelRequest first = new ModelRequest(
                request.providerModel(), request.agentName(), request.instructions(), request.turns(), tools);
        return Uni.createFrom().emitter(emitter -> {
            if (signal.cancelled()) {
                emitter.complete(result(null, true));
                return;
            }
            signal.onCancel(() -> {
                Cancellable call = inFlight.get();
                if (call != null) {
                    call.cancel();
                }
                emitter.complete(result(null, true));
            });
            round(first, 0, emitter, signal);
        });
    }

    private void round(ModelRequest request, int round, UniEmitter<? super Result> emitter, CancelSignal signal) {
        if (signal.cancelled()) {
            return;
        }
        inFlight.set(provider.stream(request)
                .subscribe()
                .with(
                        event -> {
                            if (event instanceof ModelEvent.TextDelta delta) {
                                synchronized (text) {
                                    text.append(delta.text());
                                }
                                listener.text(delta.text());
                            } else if (event instanceof ModelEvent.Completed done) {
                                ModelReply reply = done.reply();
                                inputTokens += reply.inputTokens();
                                outputTokens += reply.outputTokens();
                                if (reply.toolCalls().isEmpty() || round >= maxSteps) {
                                    emitter.complete(result(reply.finishReason(), false));
                                    return;
                                }
                                callTools(reply.toolCalls())
                                        .subscribe()
                                        .with(
                                                results -> {
                                                    List<ChatTurn> turns = new ArrayList<>(request.turns());
                                                    turns.add(
                                                            new ChatTurn.Assistant(reply.content(), reply.toolCalls()));
                                                    turns.addAll(results);
                                                    round(
                                                            new ModelRequest(
                                                                    request.providerModel(),
                                                                    request.agentName(),
                                                                    request.instructions(),
                                                                    turns,
                                                                    request.tools()),
                                                            round + 1,
                                                            emitter,
                                                            signal);
                                                },
                                                emitter::fail);
                            }
                        },
                        emitter::fail));
    }

    /** The tool calls one after the other, in the order the model asked for them. */
    private Uni<List<ChatTurn>> callTools(List<ToolCallRequest> calls) {
        return Multi.createFrom()
                .iterable(calls)
                .onItem()
                .transformToUniAndConcatenate(call -> {
                    Instant start = Instant.now();
                    return toolbox.call(call.name(), call.argumentsJson()).map(result -> {
                        ToolStep step =
                                ToolStep.of(call.name(), arguments(call.argumentsJson()), result, start, Instant.now());
                        synchronized (steps) {
                            steps.add(step);
                        }
                        listener.step(step);
                        return (ChatTurn) new ChatTurn.ToolResult(
                                call.id(),
                                call.name(),
                                result.error() ? "error: " + result.content() : result.content());
                    });
                })
                .collect()
                .asList();
    }

    private Result result(String finishReason, boolean cancelled) {
        synchronized (text) {
            synchronized (steps) {
                return new Result(
                        text.toString(),
                        List.copyOf(steps),
                        inputTokens,
                        outputTokens,
                        finishReason == null ? "other" : finishReason,
                        cancelled);
            }
        }
    }

    private static JsonNode arguments(String json) {
        try {
            return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }
}
