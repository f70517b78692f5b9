package dev.switchboard.run.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads run events back from the real {@code run-events} topic, by record key (thread id). */
final class RunEventsReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunEventsReader() {
    }

    /** The first {@code count} events keyed by the thread, from the start of the topic, as JSON. */
    static List<JsonNode> forThread(String threadId, int count) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        KafkaCompanion companion = new KafkaCompanion(bootstrap);
        try (ConsumerTask<String, String> task = companion.consumeStrings()
                .withGroupId("run-service-test-" + UUID.randomUUID())
                .withOffsetReset("earliest")
                .fromTopics("run-events", records -> records
                        .filter(r -> threadId.equals(r.key()))
                        .select().first(count))) {
            task.awaitCompletion(Duration.ofSeconds(30));
            return task.getRecords().stream().map(RunEventsReader::parse).toList();
        } finally {
            companion.close();
        }
    }

    private static JsonNode parse(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("a run event is not JSON: " + record.value(), e);
        }
    }
}
