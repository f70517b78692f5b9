package dev.switchboard.local.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.local.infra.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    @Test
    void eachResourceStartGetsItsOwnFreshDatabase() throws Exception {
        Map<String, String> first = new SwitchboardTestResource().start();
        Map<String, String> second = new SwitchboardTestResource().start();
        assertTrue(!first.get("quarkus.datasource.jdbc.url").equals(second.get("quarkus.datasource.jdbc.url")));

        PostgresServer pg = TestInfrastructure.postgres();
        try (Connection c =
                DriverManager.getConnection(first.get("quarkus.datasource.jdbc.url"), pg.user(), pg.password())) {
            c.createStatement().execute("create table t (v int)");
            c.createStatement().execute("insert into t values (42)");
            ResultSet rs = c.createStatement().executeQuery("select v from t");
            rs.next();
            assertEquals(42, rs.getInt(1));
        }
        try (Connection c =
                DriverManager.getConnection(second.get("quarkus.datasource.jdbc.url"), pg.user(), pg.password())) {
            ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_tables where tablename = 't'");
            rs.next();
            assertEquals(0, rs.getInt(1), "the second database must not see the first one's tables");
        }
    }

    @Test
    void kafkaHasTheThreeTopicsWithSixPartitionsAndCarriesRecords() throws Exception {
        String bootstrap = TestInfrastructure.kafkaBootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<String, TopicDescription> topics = admin.describeTopics(TestInfrastructure.TOPICS)
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            for (String topic : TestInfrastructure.TOPICS) {
                assertEquals(6, topics.get(topic).partitions().size(), topic);
            }
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("thread-events", "k1", "hello")).get(30, TimeUnit.SECONDS);
        }
        ConsumerRecord<String, String> seen = TopicRecords.first(
                        bootstrap, "thread-events", "k1", 1, Duration.ofSeconds(30))
                .get(0);
        assertEquals("k1=hello", seen.key() + "=" + seen.value());
    }
}
