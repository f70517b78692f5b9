package dev.switchboard.thread.event;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** The real {@code run-events} topic of the test broker, written to as run-service writes it. */
public final class RunEventsTopic implements AutoCloseable {

    private final KafkaCompanion kafka =
            new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    /**
     * Publishes a run event of {@code type} ({@code switchboard.run.completed}, ...) for a run of {@code user} in
     * the thread; {@code moreData} are further members of its data (JSON, each after a comma). Records with the
     * same {@code key} share a partition, so the consumer handles them in the order produced.
     */
    public void publish(
            String key, String eventId, String type, String org, String thread, String user, String moreData) {
        produce(key, """
                {"specversion":"1.0","id":"%s","source":"/run-service","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","dataschema":"urn:switchboard:schema:%s.v1",
                 "data":{"orgId":"%s","threadId":"%s","userId":"%s","runId":"%s"%s}}""".formatted(
                        eventId,
                        type,
                        UUID.randomUUID(),
                        Instant.now(),
                        type.substring(type.indexOf('.') + 1),
                        org,
                        thread,
                        user,
                        UUID.randomUUID(),
                        moreData));
    }

    /** Produces {@code value} as it is, keyed {@code key}. */
    public void produce(String key, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>("run-events", key, value))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        kafka.close();
    }
}
