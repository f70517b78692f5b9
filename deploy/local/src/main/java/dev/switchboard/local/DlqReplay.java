package dev.switchboard.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./switchboard dlq-replay <topic>.dlq}: copies every record of a dead-letter topic that was not replayed
 * before into its original topic ({@code <topic>}), with its key, value and headers but the {@code dead-letter-*} ones
 * the consumer's failure strategy added, then commits the consumer group {@value #GROUP}'s offsets on the DLQ, so a
 * second run replays only the records dead-lettered since. Reads up to the end the DLQ had when it started. The broker
 * is {@code KAFKA_BOOTSTRAP_SERVERS}, or the local stack's {@value #LOCAL_BOOTSTRAP}.
 */
public final class DlqReplay {

    static final String GROUP = "switchboard-dlq-replay";
    static final String LOCAL_BOOTSTRAP = "127.0.0.1:19092";
    static final String SUFFIX = ".dlq";
    static final String DEAD_LETTER_HEADERS = "dead-letter-";

    private DlqReplay() {}

    public static void main(String[] args) {
        if (args.length != 1 || !args[0].endsWith(SUFFIX) || args[0].length() == SUFFIX.length()) {
            System.err.println("usage: ./switchboard dlq-replay <topic>.dlq   (e.g. run-events.dlq)");
            System.exit(2);
        }
        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (bootstrap == null || bootstrap.isBlank()) {
            bootstrap = LOCAL_BOOTSTRAP;
        }
        String dlq = args[0];
        try {
            long replayed = replay(bootstrap, dlq);
            System.out.printf("replayed %d record(s) from %s to %s%n", replayed, dlq, originalTopic(dlq));
        } catch (Exception e) {
            System.err.println("dlq-replay: " + dlq + " could not be replayed from " + bootstrap + ": " + e);
            System.exit(1);
        }
    }

    static String originalTopic(String dlq) {
        return dlq.substring(0, dlq.length() - SUFFIX.length());
    }

    /** Replays what the group has not replayed yet; answers how many records. */
    public static long replay(String bootstrap, String dlq) throws InterruptedException, ExecutionException {
        String target = originalTopic(dlq);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrap));
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap))) {
            List<PartitionInfo> partitions = consumer.partitionsFor(dlq, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                return 0;
            }
            List<TopicPartition> assigned = new ArrayList<>();
            partitions.forEach(p -> assigned.add(new TopicPartition(dlq, p.partition())));
            consumer.assign(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(30));
            long replayed = 0;
            while (!caughtUp(consumer, assigned, end)) {
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    sends.add(producer.send(
                            new ProducerRecord<>(target, null, record.key(), record.value(), original(record))));
                    done.put(tp, new OffsetAndMetadata(record.offset() + 1));
                }
                for (Future<RecordMetadata> send : sends) {
                    send.get();
                }
                if (!done.isEmpty()) {
                    // only once the original topic has them: a run that fails here replays them again
                    consumer.commitSync(done);
                }
                replayed += sends.size();
            }
            return replayed;
        }
    }

    private static boolean caughtUp(
            KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> assigned, Map<TopicPartition, Long> end) {
        for (TopicPartition tp : assigned) {
            if (consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp)) {
                return false;
            }
        }
        return true;
    }

    private static RecordHeaders original(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static Properties consumerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return config;
    }

    private static Properties producerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return config;
    }
}
