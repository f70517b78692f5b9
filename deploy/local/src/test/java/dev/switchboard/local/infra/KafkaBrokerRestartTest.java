package dev.switchboard.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The embedded broker stopped and started again in the same JVM (a fault test's Kafka outage) keeps its records. */
class KafkaBrokerRestartTest {

    @Test
    void aRestartedBrokerServesTheRecordsItHadOnTheSamePort() throws Exception {
        Path dir = Files.createTempDirectory("switchboard-kafka-restart-");
        List<Integer> ports = Ports.free(2);
        KafkaBroker broker = KafkaBroker.embedded(dir, ports.get(0), ports.get(1));
        try {
            broker.ensureTopics(List.of("restart-test"), 1);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
                producer.send(new ProducerRecord<>("restart-test", "k", "before"))
                        .get(60, TimeUnit.SECONDS);
            }
        } finally {
            broker.close();
        }
        KafkaBroker again = KafkaBroker.embedded(dir, ports.get(0), ports.get(1));
        try {
            assertEquals("127.0.0.1:" + ports.get(0), again.bootstrapServers());
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, again.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(List.of("restart-test"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                String value = null;
                while (value == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
                    if (!records.isEmpty()) {
                        value = records.iterator().next().value();
                    }
                }
                assertEquals("before", value);
            }
        } finally {
            again.close();
        }
        assertTrue(Files.exists(dir));
    }
}
