package org.duban.task.evidence;

import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evidence in S3-compatible object storage (MinIO, Ceph, a cloud's OSS, S3Proxy in the tests), one
 * object per file under {@code prefix + key}, through the AWS SDK's synchronous client on the Apache
 * HTTP client (uploads stream from the spooled file, downloads from the response). Checksums are only
 * sent and checked where the API demands them: the SDK's newer default (a CRC trailer on every
 * upload) is not understood by every S3-compatible store.
 */
final class S3EvidenceStore implements EvidenceStore, AutoCloseable {

    static final String NAME = "s3";
    private static final Logger LOG = Logger.getLogger(S3EvidenceStore.class);

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3EvidenceStore(EvidenceConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(ApacheHttpClient.builder().connectionTimeout(Duration.ofSeconds(5)).socketTimeout(Duration.ofSeconds(60)))
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
        this.bucket = config.bucket();
        this.prefix = config.prefix();
    }

    private static AwsCredentialsProvider credentials(EvidenceConfig.S3 config) {
        if (config.accessKey().isPresent() && config.secretKey().isPresent()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey().get(), config.secretKey().get()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean transactional() {
        return false;
    }

    @Override
    public void put(String key, Path content, long size, EvidenceType type) throws IOException {
        try {
            s3.putObject(r -> r.bucket(bucket).key(prefix + key).contentType(type.mediaType()).contentLength(size),
                    RequestBody.fromFile(content));
        } catch (SdkException e) {
            throw new IOException("cannot store evidence " + key + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key, long size) throws IOException {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new IOException("cannot read evidence " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new IOException("cannot delete evidence " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    /** An object under the prefix: its key (without the prefix) and when it was written. */
    record StoredObject(String key, Instant lastModified) {
    }

    /** Every object under the prefix, a page (up to 1000) at a time. */
    void list(Consumer<List<StoredObject>> pages) {
        for (var page : s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))) {
            List<StoredObject> objects = new ArrayList<>(page.contents().size());
            for (S3Object o : page.contents()) {
                if (o.key().endsWith("/")) {
                    continue; // a folder marker (some stores list them), not a file
                }
                objects.add(new StoredObject(o.key().substring(prefix.length()), o.lastModified()));
            }
            pages.accept(objects);
        }
    }

    @Override
    public void close() {
        try {
            s3.close();
        } catch (RuntimeException e) {
            LOG.debugf("closing the S3 client: %s", e.getMessage());
        }
    }
}
