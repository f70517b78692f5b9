package dev.switchboard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.local.testing.TestInfrastructure;
import dev.switchboard.local.testing.TopicRecords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** {@code ./switchboard dlq-replay} against the real test broker. */
class DlqReplayTest {

    private final String bootstrap = TestInfrastructure.kafkaBootstrapServers();

    @Test
    void theDlqIsCopiedIntoItsTopicWithoutTheDeadLetterHeadersAndEachRecordOnlyOnce() throws Exception {
        String topic = "replay-test-" + UUID.randomUUID();
        String dlq = topic + ".dlq";
        String key = "thread-" + UUID.randomUUID();
        deadLetter(dlq, key, "{\"id\":\"1\"}");
        deadLetter(dlq, key, "{\"id\":\"2\"}");

        assertEquals(2, DlqReplay.replay(bootstrap, dlq));

        List<ConsumerRecord<String, String>> replayed = TopicRecords.first(bootstrap, topic, key, 2, TopicRecords.WAIT);
        assertEquals(
                List.of("{\"id\":\"1\"}", "{\"id\":\"2\"}"),
                replayed.stream().map(ConsumerRecord::value).toList());
        ConsumerRecord<String, String> first = replayed.get(0);
        assertEquals(key, first.key());
        assertEquals(
                "application/cloudevents+json; charset=UTF-8",
                new String(first.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
        assertNull(first.headers().lastHeader("dead-letter-reason"));
        assertNull(first.headers().lastHeader("dead-letter-topic"));

        // a second run replays only what was dead-lettered since
        deadLetter(dlq, key, "{\"id\":\"3\"}");
        assertEquals(1, DlqReplay.replay(bootstrap, dlq));
        assertEquals(0, DlqReplay.replay(bootstrap, dlq));
        assertEquals(
                "{\"id\":\"3\"}",
                TopicRecords.first(bootstrap, topic, key, 3, TopicRecords.WAIT)
                        .get(2)
                        .value());
    }

    @Test
    void aDlqThatDoesNotExistReplaysNothing() throws Exception {
        assertEquals(0, DlqReplay.replay(bootstrap, "nothing-here-" + UUID.randomUUID() + ".dlq"));
    }

    /** A record as SmallRye's dead-letter-queue strategy writes it: the original headers plus its own. */
    private void deadLetter(String dlq, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-reason", "the record is not JSON".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", dlq.replace(".dlq", "").getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(dlq, null, key, value, headers)).get();
        }
    }
}
