package org.duban.task.evidence;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.platform.api.ProblemException;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The stores: PostgreSQL always, S3-compatible object storage when {@code duban.evidence.storage=s3} or
 * an endpoint is configured. New files go to the configured one; a file is read from the store its row
 * names, so files stored before a switch stay readable.
 */
@ApplicationScoped
public class EvidenceStores {

    private static final Logger LOG = Logger.getLogger(EvidenceStores.class);

    private final EvidenceConfig config;
    private final PostgresEvidenceStore postgres;
    private final S3EvidenceStore s3;

    EvidenceStores(EvidenceConfig config, PostgresEvidenceStore postgres) {
        this.config = config;
        this.postgres = postgres;
        boolean wanted = config.storage() == EvidenceConfig.Storage.S3 || config.s3().endpoint().isPresent();
        this.s3 = wanted ? new S3EvidenceStore(config.s3()) : null;
        LOG.infof("Evidence files are stored in %s (at most %d bytes each)",
                config.storage() == EvidenceConfig.Storage.S3
                        ? "object storage, bucket " + config.s3().bucket() + config.s3().endpoint().map(e -> " at " + e).orElse("")
                        : "PostgreSQL", config.maxSize().asLongValue());
    }

    /** Where new files go. */
    EvidenceStore forWriting() {
        return config.storage() == EvidenceConfig.Storage.S3 ? s3 : postgres;
    }

    /** The store a row names. */
    EvidenceStore named(String name) {
        if (PostgresEvidenceStore.NAME.equals(name)) {
            return postgres;
        }
        if (S3EvidenceStore.NAME.equals(name) && s3 != null) {
            return s3;
        }
        throw ProblemException.unavailable("storage-unavailable",
                "This file is kept in " + name + " storage, which this service is not configured to reach");
    }

    Optional<S3EvidenceStore> objectStorage() {
        return Optional.ofNullable(s3);
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
