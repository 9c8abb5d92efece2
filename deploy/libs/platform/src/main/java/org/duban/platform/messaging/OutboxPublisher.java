package org.duban.platform.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.duban.platform.events.CloudEvent;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one batch of pending outbox rows, oldest first, and stamps those the broker
 * acknowledged. Only one replica publishes at a time (a transaction-scoped advisory lock), so the
 * order of the table is the order on the topic.
 */
@ApplicationScoped
public class OutboxPublisher {

    /** Arbitrary constant identifying the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x6475_6261_6e00_0001L;

    private final EntityManager em;
    private final Emitter<String> emitter;
    private final Clock clock;
    private final OutboxConfig config;

    OutboxPublisher(EntityManager em, @Channel("duban-outbox") Emitter<String> emitter, Clock clock, OutboxConfig config) {
        this.em = em;
        this.emitter = emitter;
        this.clock = clock;
        this.config = config;
    }

    /** What one pass achieved: how many rows went out, and why it stopped early, if it did. */
    public record Result(int published, boolean more, Throwable failure) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result publishBatch() {
        Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new Result(0, false, null);
        }
        int batchSize = config.relay().batchSize();
        List<OutboxEvent> batch = OutboxEvent.pending(batchSize);
        if (batch.isEmpty()) {
            return new Result(0, false, null);
        }
        long deadline = System.nanoTime() + config.relay().sendTimeout().toNanos();
        var now = clock.instant();
        // The first record goes alone: only once the broker has acknowledged it are the others
        // pipelined. A record can fail before the producer numbers it (no metadata while the broker
        // is away); were the batch pipelined then, a later record could land before an earlier one.
        // Numbered records stay in order: the idempotent producer's broker refuses gaps.
        Throwable failure = await(send(batch.get(0)), deadline);
        if (failure != null) {
            return new Result(0, true, failure);
        }
        batch.get(0).publishedAt = now;
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (int i = 1; i < batch.size(); i++) {
            acks.add(send(batch.get(i)));
        }
        int published = 1;
        for (int i = 1; i < batch.size(); i++) {
            failure = await(acks.get(i - 1), deadline);
            if (failure != null) {
                return new Result(published, true, failure);
            }
            // acknowledged in order: this prefix is safely on the topic
            batch.get(i).publishedAt = now;
            published++;
        }
        return new Result(published, batch.size() == batchSize, null);
    }

    /** Waits for one acknowledgement; the failure, or null when the broker has the record. */
    private static Throwable await(CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private CompletableFuture<Void> send(OutboxEvent row) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.key)
                .withHeaders(headers)
                .build();
        Message<String> message = Message.of(row.payload, Metadata.of(metadata),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            // the emitter refuses while its downstream is failed or its buffer is full
            acked.completeExceptionally(e);
        }
        return acked;
    }

    @Transactional
    public int deletePublishedBefore(java.time.Instant cutoff) {
        return em.createQuery("delete from OutboxEvent e where e.publishedAt < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }
}
