package dev.switchboard.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The whole {@code run-events} topic as a consumer reads it, partition by partition in offset order (one thread's
 * events are on one partition: the key is the thread id), and what it must show: no event id twice, each thread's
 * events in the order they happened, and for each run one start before exactly one end.
 */
final class RunEventLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One CloudEvent of the topic. */
    record Event(
            int partition,
            long offset,
            String key,
            String id,
            String type,
            Instant time,
            String runId,
            String thread,
            String runStatus) {

        boolean terminal() {
            return !type.equals("switchboard.run.started");
        }

        /** {@code switchboard.run.completed} to {@code completed}. */
        String status() {
            return type.substring("switchboard.run.".length());
        }
    }

    private final List<Event> events;

    private RunEventLog(List<Event> events) {
        this.events = events;
    }

    /** Reads every record the topic has now, without a consumer group. */
    static RunEventLog read(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2000);
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    events.add(event(r));
                }
            }
        }
        return new RunEventLog(events);
    }

    private static Event event(ConsumerRecord<String, String> r) {
        try {
            JsonNode e = JSON.readTree(r.value());
            return new Event(
                    r.partition(),
                    r.offset(),
                    r.key(),
                    e.path("id").asText(),
                    e.path("type").asText(),
                    Instant.parse(e.path("time").asText()),
                    e.path("data").path("runId").asText(),
                    e.path("data").path("threadId").asText(),
                    e.path("data").path("status").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("a record of run-events is not JSON: " + r.value(), e);
        }
    }

    int size() {
        return events.size();
    }

    /** The terminal event of each run (the first, if there are several): run id to event. */
    Map<String, Event> ends() {
        Map<String, Event> ends = new HashMap<>();
        for (Event e : events) {
            if (e.terminal()) {
                ends.putIfAbsent(e.runId(), e);
            }
        }
        return ends;
    }

    /** What is wrong with the topic: duplicate event ids, events out of order, runs that end twice or never start. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Event e : events) {
            if (!ids.add(e.id())) {
                problems.add("event id " + e.id() + " twice (" + e.type() + " of run " + e.runId() + ")");
            }
            if (!e.thread().equals(e.key())) {
                problems.add("event " + e.id() + " of thread " + e.thread() + " keyed " + e.key());
            }
        }
        Map<String, List<Event>> byThread = new LinkedHashMap<>();
        events.stream()
                .sorted(Comparator.comparingInt(Event::partition).thenComparingLong(Event::offset))
                .forEach(e -> byThread.computeIfAbsent(e.key(), k -> new ArrayList<>())
                        .add(e));
        byThread.forEach((thread, log) -> problems.addAll(problems(thread, log)));
        return problems;
    }

    /** One thread's events, in the topic's order: times never go back, each run starts before it ends, ends once. */
    private static List<String> problems(String thread, List<Event> log) {
        List<String> problems = new ArrayList<>();
        Set<String> started = new HashSet<>();
        Set<String> ended = new HashSet<>();
        Instant last = Instant.MIN;
        for (Event e : log) {
            // a run queued behind the thread's running one is recorded while that one runs: the two are concurrent,
            // and either may take the lower outbox id; every other event follows the thread's previous ones
            boolean concurrent = !e.terminal() && "queued".equals(e.runStatus());
            if (!concurrent && e.time().isBefore(last)) {
                problems.add("thread " + thread + ": " + e.type() + " of run " + e.runId() + " at " + e.time()
                        + " after an event at " + last + " (offset " + e.offset() + ")");
            }
            if (!concurrent && e.time().isAfter(last)) {
                last = e.time();
            }
            if (ended.contains(e.runId())) {
                problems.add("thread " + thread + ": " + e.type() + " of run " + e.runId() + " after its end");
            }
            if (e.terminal()) {
                if (!started.contains(e.runId())) {
                    problems.add(
                            "thread " + thread + ": run " + e.runId() + " ends (" + e.type() + ") before it starts");
                }
                ended.add(e.runId());
            } else {
                started.add(e.runId());
            }
        }
        return problems;
    }
}
