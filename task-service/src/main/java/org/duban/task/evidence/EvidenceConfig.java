package org.duban.task.evidence;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Evidence files (佐证材料): how large, where they are kept. */
@ConfigMapping(prefix = "duban.evidence")
public interface EvidenceConfig {

    /** Where new files go: {@code postgres} (the service's own database) or {@code s3} (object storage). */
    enum Storage { POSTGRES, S3 }

    /** The largest file accepted; a larger one is answered 413 while it streams in. */
    @WithDefault("50M")
    MemorySize maxSize();

    /** Where new files are stored. Files already stored stay readable where they are. */
    @WithDefault("postgres")
    Storage storage();

    /** Where an upload is spooled while it arrives and is checked (the JVM's temporary folder unless set). */
    Optional<Path> spoolDirectory();

    S3 s3();

    /** An S3-compatible object store (MinIO, Ceph, a cloud's OSS). */
    interface S3 {
        /** The endpoint, e.g. {@code http://minio:9000}; absent for AWS itself (then the region decides). */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** The bucket; it must exist. */
        @WithDefault("duban-evidence")
        String bucket();

        /** Key prefix of every object this service writes (the orphan sweep looks only here). */
        @WithDefault("evidence/")
        String prefix();

        /** Access key; without one the SDK's default credential chain is used (environment, profile, IAM role). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        /** {@code http://host/bucket/key} instead of {@code http://bucket.host/key}: what MinIO, Ceph and S3Proxy expect. */
        @WithDefault("true")
        boolean pathStyle();

        /** Objects without a row that are older than this are removed by the sweep (an upload that crashed between the two). */
        @WithDefault("1h")
        Duration orphanAge();
    }
}
