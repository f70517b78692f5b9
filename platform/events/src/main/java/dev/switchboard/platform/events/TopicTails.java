package dev.switchboard.platform.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what the relay's topics end with: the event ids of the last records of each of their partitions, with a
 * plain {@link KafkaConsumer} (assigned partitions, no group, no commits) that connects as the relay's producer
 * does (the {@code kafka.*} settings and those of the channel {@value OutboxRelay#CHANNEL}). Blocking: call it off
 * the event loop.
 */
final class TopicTails {

    /** The producer settings a reading consumer connects with; the others are the tail reader's own. */
    private static final List<String> CONNECTION_PREFIXES = List.of(
            "bootstrap.servers",
            "client.dns.lookup",
            "security.",
            "sasl.",
            "ssl.",
            "tls-configuration-name",
            "socket.connection.setup.timeout",
            "reconnect.backoff",
            "retry.backoff",
            "connections.max.idle.ms");

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Object> producer;

    /**
     * @param producer the settings of the relay's producer: the {@code kafka.*} defaults overridden by the
     *     channel's own {@code mp.messaging.outgoing.outbox.*}
     */
    TopicTails(Map<String, Object> producer) {
        this.producer = Map.copyOf(producer);
    }

    /**
     * How long a record handed to the relay's producer can still reach the broker: {@code max.block.ms} (waiting
     * for the topic's metadata) plus {@code delivery.timeout.ms} (then acknowledged or failed), the Kafka defaults
     * (60 s and 120 s) when the channel does not set them.
     */
    Duration longestSend() {
        return Duration.ofMillis(millis("max.block.ms", 60_000) + millis("delivery.timeout.ms", 120_000));
    }

    private long millis(String key, long otherwise) {
        Object value = producer.get(key);
        return value == null ? otherwise : Long.parseLong(value.toString().trim());
    }

    /**
     * The event ids of the last {@code depth} records of every partition of each topic, read up to the partition's
     * end as it was when the read began. A topic that does not exist, or whose name Kafka refuses, has none.
     *
     * @throws org.apache.kafka.common.KafkaException when Kafka cannot be read within {@code timeout}
     */
    Set<UUID> eventIds(Collection<String> topics, int depth, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                partitions.addAll(partitionsOf(consumer, topic, remaining(deadline)));
            }
            if (partitions.isEmpty()) {
                return Set.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(deadline));
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, remaining(deadline));
            for (TopicPartition p : partitions) {
                consumer.seek(p, Math.max(starts.get(p), ends.get(p) - depth));
            }
            Set<UUID> ids = new HashSet<>();
            while (!readToTheEnd(consumer, partitions, ends, deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    UUID id = eventId(record.value());
                    if (id != null) {
                        ids.add(id);
                    }
                }
            }
            return ids;
        }
    }

    private static List<TopicPartition> partitionsOf(
            KafkaConsumer<String, String> consumer, String topic, Duration timeout) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, timeout);
        } catch (InvalidTopicException e) {
            return List.of();
        }
        List<TopicPartition> partitions = new ArrayList<>();
        if (infos != null) {
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private static boolean readToTheEnd(
            KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends,
            long deadline) {
        boolean done = true;
        for (TopicPartition p : partitions) {
            done &= consumer.position(p, remaining(deadline)) >= ends.get(p);
        }
        if (!done && System.nanoTime() - deadline > 0) {
            throw new TimeoutException("could not read the tail of " + partitions + " in time");
        }
        return done;
    }

    private static Duration remaining(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("Kafka did not answer in time");
        }
        return Duration.ofNanos(left);
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        producer.forEach((key, value) -> {
            if (CONNECTION_PREFIXES.stream().anyMatch(key::startsWith)) {
                config.put(key, value);
            }
        });
        config.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "switchboard-outbox-relay-takeover");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return config;
    }

    /**
     * The CloudEvent id of a record's value, the top-level {@code id} of its JSON envelope ({@link CloudEvent});
     * {@code null} for a value that has none.
     */
    static UUID eventId(String value) {
        if (value == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if ("id".equals(name)) {
                    return token == JsonToken.VALUE_STRING ? UUID.fromString(parser.getText()) : null;
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }
}
