package org.duban.reminder.replica;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.duban.platform.messaging.KafkaConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Whether the replica has applied everything published on its topics up to a moment: a reminder run
 * asks first, so that it sees every change committed before it was called (an import followed at once
 * by a run, and a second run for the same instant, then send the same).
 */
@ApplicationScoped
public class ReplicaPosition {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ConsumerOffsets offsets;
    private final List<String> topics;
    private final Map<String, Object> connection;
    private volatile Admin admin;

    ReplicaPosition(@Identifier("replica-offsets") ConsumerOffsets offsets, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                    @ConfigProperty(name = "duban.kafka.topics.assignments.name") String assignments,
                    @ConfigProperty(name = "duban.kafka.topics.units.name") String units) {
        this.offsets = offsets;
        this.connection = KafkaConnection.settings(kafka);
        this.topics = List.of(assignments, units);
    }

    /**
     * Where the replica stands: {@code caughtUp} when it has applied every record the topics held when this
     * was called, within {@code wait}; {@code positions} ("topic/partition" → next offset applied) and
     * {@code behind} (records published but not applied yet) either way.
     */
    public record CatchUp(boolean caughtUp, Map<String, Long> positions, long behind) {
    }

    public CatchUp await(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<TopicPartition, Long> ends = endOffsets(wait);
        while (true) {
            Map<TopicPartition, Long> applied = offsets.stored(topics);
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                behind += Math.max(0, end.getValue() - applied.getOrDefault(end.getKey(), 0L));
            }
            if (behind == 0 || System.nanoTime() >= deadline) {
                Map<String, Long> positions = new TreeMap<>();
                ends.keySet().forEach(p -> positions.put(p.topic() + "/" + p.partition(), applied.getOrDefault(p, 0L)));
                return new CatchUp(behind == 0, positions, behind);
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** The end of each partition of the replica's topics now; a topic not created yet has nothing to wait for. */
    private Map<TopicPartition, Long> endOffsets(Duration wait) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        long millis = Math.max(1_000, wait.toMillis());
        try {
            for (String topic : topics) {
                try {
                    TopicDescription description = admin().describeTopics(List.of(topic)).allTopicNames()
                            .get(millis, TimeUnit.MILLISECONDS).get(topic);
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            if (!latest.isEmpty()) {
                admin().listOffsets(latest).all().get(millis, TimeUnit.MILLISECONDS)
                        .forEach((partition, info) -> ends.put(partition, info.offset()));
            }
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new ReplicaUnknown("Kafka cannot say where the topics " + topics + " end: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicaUnknown("interrupted while asking Kafka where the topics end", e);
        }
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties config = new Properties();
                    config.putAll(connection); // as the channels connect: TLS and SCRAM in production
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "reminder-service-replica-position");
                    admin = Admin.create(config);
                }
                a = admin;
            }
        }
        return a;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    /** Kafka could not be asked where the topics end. */
    public static final class ReplicaUnknown extends RuntimeException {
        ReplicaUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
