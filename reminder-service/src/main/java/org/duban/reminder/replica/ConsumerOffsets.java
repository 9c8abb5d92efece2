package org.duban.reminder.replica;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the replica stands in each partition, kept in the replica's own database and written in the
 * same transaction as the events' effects. On assignment a consumer seeks to these positions — or to
 * the start of the topic when the database has none, which is how an empty service rebuilds itself.
 */
@ApplicationScoped
@Identifier("replica-offsets")
public class ConsumerOffsets implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(ConsumerOffsets.class);

    private final DataSource dataSource;

    ConsumerOffsets(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        String group = consumer.groupMetadata().groupId();
        Map<TopicPartition, Long> stored = stored(partitions.stream().map(TopicPartition::topic).distinct().toList());
        List<TopicPartition> fresh = partitions.stream().filter(p -> !stored.containsKey(p)).toList();
        if (!fresh.isEmpty()) {
            consumer.seekToBeginning(fresh);
        }
        partitions.stream().filter(stored::containsKey).forEach(p -> consumer.seek(p, stored.get(p)));
        LOG.infof("%s: %d partitions assigned, %d read from the start, the rest from the replica's positions",
                group, partitions.size(), fresh.size());
    }

    /**
     * Where the replica stands in each partition of {@code topics} that it has applied anything of (the next
     * offset to apply). One consumer (Replica's) per topic writes these rows, so they are looked up by topic.
     */
    Map<TopicPartition, Long> stored(Collection<String> topics) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT topic, partition, next_offset FROM consumer_offset WHERE topic = ANY(?)")) {
            q.setArray(1, c.createArrayOf("text", topics.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    stored.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the replica's positions", e);
        }
        return stored;
    }

    /** Records how far {@code records} took the replica; call inside the transaction that applied them. */
    static void advance(Connection c, String consumer, List<? extends ConsumerRecord<?, ?>> records) throws SQLException {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<?, ?> r : records) {
            next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
        }
        try (PreparedStatement up = c.prepareStatement(
                "INSERT INTO consumer_offset (consumer, topic, partition, next_offset) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (consumer, topic, partition) DO UPDATE SET next_offset = "
                        + "GREATEST(consumer_offset.next_offset, EXCLUDED.next_offset)")) {
            for (Map.Entry<TopicPartition, Long> e : next.entrySet()) {
                up.setString(1, consumer);
                up.setString(2, e.getKey().topic());
                up.setInt(3, e.getKey().partition());
                up.setLong(4, e.getValue());
                up.addBatch();
            }
            up.executeBatch();
        }
    }
}
