package dev.switchboard.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.gateway.client.agent.AgentClient;
import dev.switchboard.gateway.client.agent.AgentView;
import dev.switchboard.gateway.client.run.RunClient;
import dev.switchboard.gateway.client.run.RunRequest;
import dev.switchboard.gateway.client.thread.IdempotencyClient;
import dev.switchboard.gateway.client.thread.KeyClaim;
import dev.switchboard.gateway.client.thread.StartThread;
import dev.switchboard.gateway.client.thread.ThreadStartClient;
import dev.switchboard.gateway.rest.threads.CreateThreadInput;
import dev.switchboard.gateway.rest.threads.CreatedThreadResponse;
import dev.switchboard.gateway.security.Caller;
import dev.switchboard.platform.web.error.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Seed 002: a thread with its first message. thread-service stores the thread, the message and its files in
 * one transaction; then run-service answers that message ({@code userMessageId}, so it is not appended twice),
 * and the 201 is sent once the run completed.
 *
 * <p>With an {@code Idempotency-Key}, the request first claims the key (thread-service, race-free): a completed
 * key with the same request replays the stored status and body; a key still being processed is 409; a key
 * used for another request is 422. Requests refused before the claim (validation, authorisation, unknown
 * agent) store nothing. A request that fails after the claim releases the key, so that a retry runs again:
 * if the thread was already stored (the run failed), the retry makes a new thread.
 */
@ApplicationScoped
public class ThreadCreation {

    private static final Logger LOG = Logger.getLogger(ThreadCreation.class);

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final int MAX_KEY = 128;
    static final String SOURCE = "api";
    static final Pattern FILE_FIELD = Pattern.compile("fileIds\\[(\\d+)]");

    private final AgentClient agents;
    private final ThreadStartClient threads;
    private final RunClient runs;
    private final IdempotencyClient keys;
    private final ObjectMapper json;

    public ThreadCreation(
            AgentClient agents, ThreadStartClient threads, RunClient runs, IdempotencyClient keys, ObjectMapper json) {
        this.agents = agents;
        this.threads = threads;
        this.runs = runs;
        this.keys = keys;
        this.json = json;
    }

    /** {@code key} is the header as sent (null when absent); the input was checked by the caller. */
    public Uni<Response> create(Caller caller, String agentRef, String key, CreateThreadInput input, JsonNode body) {
        return agents.get(agentRef, caller)
                .flatMap(agent -> key == null
                        ? create(caller, agent, input).map(this::created)
                        : idempotent(
                                caller,
                                agent,
                                input,
                                key,
                                RequestHash.of("POST /api/v1/agents/" + agent.uuid() + "/threads", body)));
    }

    /** Checks the header: absent is fine, else 1-128 characters. */
    public static String checkKey(String key) {
        if (key != null && (key.isEmpty() || key.length() > MAX_KEY)) {
            throw ApiException.invalid(IDEMPOTENCY_KEY + " must be 1-" + MAX_KEY + " characters", IDEMPOTENCY_KEY);
        }
        return key;
    }

    private Uni<Response> idempotent(Caller caller, AgentView agent, CreateThreadInput input, String key, String hash) {
        return keys.claim(key, hash, caller).flatMap(claim -> switch (claim.outcome()) {
            case KeyClaim.REPLAY -> Uni.createFrom().item(replay(claim));
            case KeyClaim.IN_PROGRESS ->
                Uni.createFrom()
                        .failure(new ApiException(
                                409,
                                "conflict",
                                "a request with this Idempotency-Key is still being processed; retry later",
                                IDEMPOTENCY_KEY));
            case KeyClaim.MISMATCH ->
                Uni.createFrom()
                        .failure(new ApiException(
                                422,
                                "unprocessable",
                                "this Idempotency-Key was already used for a different request",
                                IDEMPOTENCY_KEY));
            case KeyClaim.CLAIMED ->
                create(caller, agent, input)
                        .call(created -> keys.complete(claim.claimId(), 201, write(created), caller)
                                .onFailure()
                                .invoke(e -> LOG.warnf(
                                        "could not store the answer of Idempotency-Key "
                                                + "claim %s; the key stays claimed until it is abandoned: %s",
                                        claim.claimId(), e))
                                .onFailure()
                                .recoverWithNull())
                        .onFailure()
                        .call(failure -> release(claim.claimId(), caller))
                        .map(this::created);
            default -> {
                LOG.warnf("thread-service answered an unknown idempotency outcome: %s", claim.outcome());
                yield Uni.createFrom().failure(ApiException.badGateway("a backend service failed; retry later"));
            }
        });
    }

    private Uni<CreatedThreadResponse> create(Caller caller, AgentView agent, CreateThreadInput input) {
        StartThread start = new StartThread(
                agent.uuid(),
                agent.id(),
                input.content(),
                input.fileIds(),
                input.clientExternalRef(),
                input.attributedUserId(),
                SOURCE);
        return threads.start(start, caller)
                .onFailure(ApiException.class)
                .transform(e -> publicField((ApiException) e))
                .flatMap(started -> runs.run(
                                RunRequest.storedMessage(
                                        agent.uuid(),
                                        started.thread().id(),
                                        input.content(),
                                        started.message().id()),
                                caller)
                        .map(run -> CreatedThreadResponse.of(agent, started, run)));
    }

    private Uni<Void> release(UUID claimId, Caller caller) {
        return keys.release(claimId, caller)
                .onFailure()
                .invoke(e -> LOG.warnf("could not release Idempotency-Key claim %s: %s", claimId, e))
                .onFailure()
                .recoverWithNull();
    }

    private Response created(CreatedThreadResponse created) {
        return Response.created(URI.create(created.links().thread()))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(created)
                .build();
    }

    private Response replay(KeyClaim claim) {
        try {
            return Response.status(claim.responseStatus())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Idempotent-Replayed", "true")
                    .entity(json.readTree(claim.responseBody()))
                    .build();
        } catch (JsonProcessingException e) {
            throw ApiException.badGateway("the stored answer of this Idempotency-Key cannot be read");
        }
    }

    private String write(CreatedThreadResponse created) {
        try {
            return json.writeValueAsString(created);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the created thread", e);
        }
    }

    /** thread-service names an attached file {@code fileIds[i]}; the client wrote {@code files[i].file_id}. */
    static ApiException publicField(ApiException e) {
        if (e.field() == null) {
            return e;
        }
        Matcher file = FILE_FIELD.matcher(e.field());
        if (file.matches()) {
            String field = "files[" + file.group(1) + "].file_id";
            String message = e.getMessage() == null ? field + " is invalid" : e.getMessage();
            return new ApiException(e.status(), e.code(), message, field);
        }
        return e;
    }
}
