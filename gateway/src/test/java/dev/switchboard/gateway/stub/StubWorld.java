package dev.switchboard.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.local.testing.stub.StubHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The state the three stubs share: agents, threads and messages, each scoped by org as the services do. */
public final class StubWorld {

    public record Agent(
            long id,
            UUID uuid,
            String org,
            String handle,
            String name,
            String instructions,
            String model,
            JsonNode tools,
            Instant createdAt,
            Instant updatedAt) {}

    public record Message(
            UUID id, String threadId, String role, String content, String userId, UUID runId, Instant createdAt) {

        /** As thread-service answers a message (seed 004's details left out). */
        ObjectNode json() {
            return StubHttp.JSON
                    .createObjectNode()
                    .put("id", id.toString())
                    .put("threadId", threadId)
                    .put("role", role)
                    .put("content", content)
                    .put("userId", userId)
                    .put("runId", runId == null ? null : runId.toString())
                    .put("createdAt", StubHttp.time(createdAt));
        }
    }

    public record Thread(
            String id,
            String org,
            UUID agentId,
            long agentNumericId,
            String createdBy,
            Instant createdAt,
            List<Message> messages) {}

    private final AtomicLong agentIds = new AtomicLong();
    private final Map<UUID, Agent> agents = new ConcurrentHashMap<>();
    private final Map<String, Thread> threads = new ConcurrentHashMap<>();
    /** org/user/agent uuid -> thread id of the caller's current thread with the agent. */
    private final Map<String, String> current = new ConcurrentHashMap<>();

    private final StubTeams teams = new StubTeams(this);

    /** The teams agent-service keeps and run-service chats with. */
    public StubTeams teams() {
        return teams;
    }

    public synchronized Agent addAgent(String org, String handle, String name, String model) {
        Instant now = Instant.now();
        Agent agent = new Agent(
                agentIds.incrementAndGet(),
                UUID.randomUUID(),
                org,
                handle,
                name,
                "You are " + name + ".",
                model,
                null,
                now,
                now);
        agents.put(agent.uuid(), agent);
        return agent;
    }

    synchronized void replace(Agent agent) {
        agents.put(agent.uuid(), agent);
    }

    List<Agent> agents(String org) {
        return agents.values().stream()
                .filter(a -> a.org().equals(org))
                .sorted(Comparator.comparingLong(Agent::id))
                .toList();
    }

    /** By numeric id, UUID or handle, in that order of shape, within the org. */
    Optional<Agent> agent(String org, String ref) {
        return agents(org).stream().filter(a -> matches(a, ref)).findFirst();
    }

    private static boolean matches(Agent agent, String ref) {
        if (ref.matches("\\d+")) {
            return Long.toString(agent.id()).equals(ref);
        }
        if (ref.matches("[0-9a-fA-F-]{36}")) {
            return agent.uuid().toString().equalsIgnoreCase(ref);
        }
        return ref.equals(agent.handle());
    }

    public synchronized Thread newThread(String org, String user, Agent agent) {
        Thread thread = new Thread(
                UUID.randomUUID().toString(), org, agent.uuid(), agent.id(), user, Instant.now(), new ArrayList<>());
        threads.put(thread.id(), thread);
        return thread;
    }

    synchronized Thread currentThread(String org, String user, Agent agent) {
        String key = org + "/" + user + "/" + agent.uuid();
        String id = current.get(key);
        if (id == null) {
            id = newThread(org, user, agent).id();
            current.put(key, id);
        }
        return threads.get(id);
    }

    Optional<Thread> existingCurrentThread(String org, String user, UUID agentId) {
        return Optional.ofNullable(current.get(org + "/" + user + "/" + agentId))
                .map(threads::get);
    }

    /** A thread by id, whatever its org (for assertions). */
    public Thread thread(String id) {
        return threads.get(id);
    }

    Optional<Thread> thread(String org, String id) {
        return Optional.ofNullable(threads.get(id)).filter(t -> t.org().equals(org));
    }

    synchronized Message append(Thread thread, String role, String content, String user, UUID runId) {
        return append(thread, UUID.randomUUID(), role, content, user, runId);
    }

    synchronized Message append(Thread thread, UUID id, String role, String content, String user, UUID runId) {
        Message message = new Message(id, thread.id(), role, content, user, runId, Instant.now());
        thread.messages().add(message);
        return message;
    }

    // seed 004: the details of appended messages (contentHtml, metadata, attachments, toolCalls) and feedback

    private final Map<UUID, ObjectNode> details = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> feedback = new ConcurrentHashMap<>();

    /** The details a message was appended with (an empty object if none). */
    public ObjectNode details(UUID messageId) {
        return details.computeIfAbsent(messageId, id -> StubHttp.JSON.createObjectNode());
    }

    /** The user's feedback on a message, or null; {@code feedback(messageId, user, value)} stores it. */
    public ObjectNode feedback(UUID messageId, String user) {
        return feedback.get(messageId + "/" + user);
    }

    void feedback(UUID messageId, String user, ObjectNode value) {
        feedback.put(messageId + "/" + user, value);
    }

    /** Sets the details of a stored message (a test gives an assistant message tool calls, as issue 4 will). */
    public void details(UUID messageId, ObjectNode value) {
        details.put(messageId, value);
    }

    /** The newest {@code limit} messages, oldest first. */
    synchronized List<Message> recent(Thread thread, int limit) {
        List<Message> all = thread.messages();
        return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }
}
