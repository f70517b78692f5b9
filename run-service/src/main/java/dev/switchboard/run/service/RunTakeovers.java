package dev.switchboard.run.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.switchboard.platform.events.OutboxRelay;
import dev.switchboard.platform.web.error.ApiException;
import dev.switchboard.run.Caller;
import dev.switchboard.run.Run;
import dev.switchboard.run.RunKey;
import dev.switchboard.run.client.AgentClient;
import dev.switchboard.run.client.NewMessage;
import dev.switchboard.run.client.ThreadClient;
import dev.switchboard.run.lease.RunLeases;
import dev.switchboard.run.provider.ModelProviders;
import dev.switchboard.run.stream.RunEventLog;
import dev.switchboard.run.stream.StreamEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Takes over a run whose replica stopped (its lease ran out, see {@link RunLeases}): a run whose model had produced
 * nothing yet (no {@code text} or {@code tool_call} event in its stream) and that was not restarted before starts
 * again here; any other ends {@code failed} with error code {@code worker_lost}, what it had produced stored in the
 * thread and on the run like a cancelled run's, {@code run.failed} published through the outbox, and its stream
 * ended with an {@code error} event, so readers on any replica receive it. A queued run waiting behind it on its
 * thread then goes on.
 */
@ApplicationScoped
public class RunTakeovers {

    public static final String LOST =
            "the run-service replica running this run stopped before the run ended; " + "retry it";
    private static final Logger LOG = Logger.getLogger(RunTakeovers.class);
    /** A run starts at most this often: once, and once more after its replica stopped. */
    static final int MAX_ATTEMPTS = 2;
    /** How far after the last stored event the stream of a lost run is ended. */
    public static final int TERMINAL_GAP = 1000;

    private final RunLeases leases;
    private final RunEventLog log;
    private final RunLedger ledger;
    private final StreamingRuns streaming;
    private final AgentClient agents;
    private final ThreadClient threads;
    private final ModelProviders providers;
    private final OutboxRelay relay;
    private final ObjectMapper json;

    public RunTakeovers(
            RunLeases leases,
            RunEventLog log,
            RunLedger ledger,
            StreamingRuns streaming,
            AgentClient agents,
            ThreadClient threads,
            ModelProviders providers,
            OutboxRelay relay,
            ObjectMapper json) {
        this.leases = leases;
        this.log = log;
        this.ledger = ledger;
        this.streaming = streaming;
        this.agents = agents;
        this.threads = threads;
        this.providers = providers;
        this.relay = relay;
        this.json = json;
    }

    /** What happened to a run the sweeper found. */
    public enum Outcome {
        /** Another replica took it, or it ended meanwhile. */
        NOT_CLAIMED,
        RESTARTED,
        LOST
    }

    /** Takes the run over if its lease still ran out before {@code cutoff}; call on a Vert.x context of its own. */
    public Uni<Outcome> take(RunKey key, Instant cutoff) {
        return leases.claim(key, cutoff).chain(claimed -> {
            if (claimed == null) {
                return Uni.createFrom().item(Outcome.NOT_CLAIMED);
            }
            return Uni.combine()
                    .all()
                    .unis(ledger.load(key), log.since(key, 0, Integer.MAX_VALUE))
                    .asTuple()
                    .chain(both -> {
                        Run run = both.getItem1();
                        List<StreamEvent> events = both.getItem2();
                        boolean produced = events.stream()
                                .anyMatch(e ->
                                        StreamEvent.TEXT.equals(e.type()) || StreamEvent.TOOL_CALL.equals(e.type()));
                        boolean ended = events.stream().anyMatch(StreamEvent::terminal);
                        if (!produced
                                && !ended
                                && claimed.attempts() <= MAX_ATTEMPTS
                                && claimed.authorization() != null) {
                            run.status = claimed.status();
                            return restart(run, claimed)
                                    .replaceWith(Outcome.RESTARTED)
                                    .onFailure()
                                    .recoverWithUni(e -> {
                                        LOG.warnf(
                                                "run %s could not be restarted (%s): it ends failed",
                                                key.id(), e.getMessage());
                                        return lose(run, claimed.authorization(), events);
                                    });
                        }
                        return lose(run, claimed.authorization(), events);
                    });
        });
    }

    private Uni<Void> restart(Run run, RunLeases.Claimed claimed) {
        String auth = claimed.authorization();
        Caller caller = new Caller(run.orgId, run.userId, auth, false);
        return agents.find(run.agentId.toString(), auth)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("agent " + run.agentId + " not found")))
                .invoke(agent -> {
                    LOG.infof(
                            "run %s lost its replica before the model answered: started again here (attempt %d)",
                            run.id, claimed.attempts());
                    streaming.restart(
                            caller,
                            new RunAdmission.Prepared(agent, run, providers.route(run.model), null),
                            claimed.userMessageId());
                })
                .replaceWithVoid();
    }

    /** Ends the run {@code worker_lost}, keeping what its stream shows it had produced. */
    private Uni<Outcome> lose(Run run, String auth, List<StreamEvent> events) {
        StringBuilder text = new StringBuilder();
        ArrayNode steps = json.createArrayNode();
        List<String> toolsUsed = new ArrayList<>();
        int last = 0;
        boolean ended = false;
        for (StreamEvent event : events) {
            last = Math.max(last, event.seq());
            ended |= event.terminal();
            if (StreamEvent.TEXT.equals(event.type())) {
                text.append(event.data().path("content").asText(""));
            } else if (StreamEvent.TOOL_CALL.equals(event.type())) {
                JsonNode step = event.data().path("tool_call");
                steps.add(step);
                toolsUsed.add(step.path("toolName").asText(""));
            }
        }
        String partial = text.toString();
        RunKey key = run.key();
        Uni<Void> stored = (partial.isEmpty() && steps.isEmpty()) || auth == null
                ? Uni.createFrom().voidItem()
                : threads.append(
                                run.threadId,
                                new NewMessage(
                                        RunPrompts.messageId(run, "assistant"),
                                        "assistant",
                                        partial,
                                        run.id,
                                        steps.isEmpty() ? null : steps),
                                auth)
                        .replaceWithVoid()
                        .onFailure()
                        .recoverWithUni(e -> {
                            LOG.warnf("run %s: its partial answer could not be stored in its thread: %s", run.id, e);
                            return Uni.createFrom().voidItem();
                        });
        // numbered past any event the dead replica may have sent readers from memory without storing it (it stores
        // them every 50 ms), so that a reader resuming after the last event it received still gets this one
        int terminalSeq = last + TERMINAL_GAP;
        boolean streamEnded = ended;
        return stored.chain(() -> ledger.lose(key, partial, steps.isEmpty() ? null : steps.toString(), toolsUsed, LOST))
                .invoke(relay::nudge)
                .chain(lost -> {
                    if (lost == null) {
                        return Uni.createFrom().item(Outcome.NOT_CLAIMED);
                    }
                    LOG.warnf("run %s lost its replica: ended failed (worker_lost)", run.id);
                    return (streamEnded
                                    ? Uni.createFrom().voidItem()
                                    : log.append(key, List.of(StreamEvent.error(terminalSeq, LOST, Run.WORKER_LOST))))
                            .replaceWith(Outcome.LOST);
                });
    }
}
