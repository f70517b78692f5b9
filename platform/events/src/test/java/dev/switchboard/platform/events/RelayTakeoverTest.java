package dev.switchboard.platform.events;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.local.testing.SwitchboardTestResource;
import dev.switchboard.local.testing.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Failover against the real PostgreSQL and Kafka: a new leader does not publish again what the dead one sent. */
@QuarkusTest
@WithTestResource(SwitchboardTestResource.class)
class RelayTakeoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;

    @Test
    void aNewLeaderMarksWhatTheDeadLeaderGotOntoKafkaAndPublishesEachEventOnce() throws Exception {
        await("the relay leading").atMost(OutboxRelayTest.WAIT).until(relay::leading);
        String run = UUID.randomUUID().toString();
        List<String> keys = List.of("takeover-a-" + run, "takeover-b-" + run, "takeover-c-" + run);
        List<UUID> all = new ArrayList<>();
        try (Connection holder = EventsDatabase.connect()) {
            // the dead leader: it holds the lock (the relay's session is ended) ...
            await("the test holding the relay's lock")
                    .atMost(OutboxRelayTest.WAIT)
                    .until(() -> EventsDatabase.takeLockFromTheRelay(holder, OutboxRelayTest.LOCK));
            try (Connection c = EventsDatabase.connect()) {
                c.setAutoCommit(false);
                for (int i = 0; i < 12; i++) {
                    all.add(EventsDatabase.insert(c, OutboxRelayTest.TOPIC, keys.get(i % keys.size())));
                }
                c.commit();
            }
            // ... reads its batch, the broker acknowledges the first 8 records, and it dies before the mark
            List<UUID> sent = all.subList(0, 8);
            sendAsTheRelay(sent);
            for (UUID id : all) {
                assertFalse(EventsDatabase.published(id), "the test's dead leader marked a row");
            }
        }
        // the dead leader's session has ended: the relay takes over
        await("every row published")
                .atMost(OutboxRelayTest.WAIT)
                .until(() -> all.stream().allMatch(EventsDatabase::publishedQuietly));
        Map<String, List<UUID>> onTheTopic = eventIdsOnTheTopic(Set.copyOf(keys));
        for (int k = 0; k < keys.size(); k++) {
            List<UUID> ofKey = new ArrayList<>();
            for (int i = k; i < all.size(); i += keys.size()) {
                ofKey.add(all.get(i));
            }
            assertEquals(ofKey, onTheTopic.get(keys.get(k)), "each event of the key on the topic once, in id order");
        }
    }

    /** Sends the rows' records as the relay does (its topic, key, value and header) and waits for the acks. */
    private static void sendAsTheRelay(List<UUID> eventIds) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (UUID id : eventIds) {
                List<Object> row = EventsDatabase.row(
                        "select topic, record_key, payload from outbox_events where event_id = ?", id);
                ProducerRecord<String, String> record =
                        new ProducerRecord<>((String) row.get(0), (String) row.get(1), (String) row.get(2));
                record.headers()
                        .add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }
    }

    /** The event ids of every record of the topic with one of the keys, from its start to its end, by key. */
    private static Map<String, List<UUID>> eventIdsOnTheTopic(Set<String> keys) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        Map<String, List<UUID>> ids = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(OutboxRelayTest.TOPIC).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await("the topic read to its end")
                    .atMost(OutboxRelayTest.WAIT)
                    .pollInSameThread()
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> {
                        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                            if (keys.contains(r.key())) {
                                ids.computeIfAbsent(r.key(), key -> new ArrayList<>())
                                        .add(eventId(r.value()));
                            }
                        }
                        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                    });
        }
        return ids;
    }

    private static UUID eventId(String value) throws Exception {
        return UUID.fromString(JSON.readTree(value).path("id").asText());
    }
}
