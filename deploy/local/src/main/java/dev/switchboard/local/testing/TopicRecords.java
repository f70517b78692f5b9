package dev.switchboard.local.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads events back from a real Kafka topic, as a consumer of it would: from the start of the topic, in a group of
 * its own, keeping the records with one key (an aggregate id). Waits with a bound for the records to arrive.
 */
public final class TopicRecords {

    /** How long {@link #first(String, String, int)} waits for the records. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicRecords() {}

    /** The first {@code count} records with the key on the topic of the shared test broker ({@link TestInfrastructure}). */
    public static List<ConsumerRecord<String, String>> first(String topic, String key, int count) {
        return first(TestInfrastructure.kafkaBootstrapServers(), topic, key, count, WAIT);
    }

    /** The values of {@link #first(String, String, int)}, each a JSON document (a CloudEvent). */
    public static List<JsonNode> firstJson(String topic, String key, int count) {
        return first(topic, key, count).stream().map(TopicRecords::json).toList();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException("a record of " + record.topic() + " is not JSON: " + record.value(), e);
        }
    }

    /**
     * The first {@code count} records of the topic with the key, oldest first; fails if fewer arrived within
     * {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> first(
            String bootstrapServers, String topic, String key, int count, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            await("the first " + count + " records keyed " + key + " on " + topic)
                    .atMost(timeout)
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                            if (key.equals(r.key())) {
                                seen.add(r);
                            }
                        });
                        return seen.size() >= count;
                    });
        }
        return List.copyOf(seen.subList(0, count));
    }
}
