package org.duban.task.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same evidence, stored in S3-compatible object storage: a real S3Proxy process on a folder. A
 * file is never half-stored: an upload whose row cannot be written leaves no object behind, a deleted
 * file's object goes, and objects nobody names (a crash between object and row) are swept.
 */
@QuarkusTest
@TestProfile(ObjectStorageEvidenceTest.InObjectStorage.class)
class ObjectStorageEvidenceTest {

    public static final class InObjectStorage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3ProxyResource.class));
        }
    }

    static final String WUHU = EvidenceTest.WUHU;
    private static S3Client s3;

    @Inject
    EntityManager em;

    @Inject
    OrphanSweep sweep;

    @BeforeAll
    static void client() {
        s3 = S3Client.builder().endpointOverride(URI.create(S3ProxyResource.endpoint())).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyResource.ACCESS_KEY,
                        S3ProxyResource.SECRET_KEY)))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @Test
    void aFileGoesToTheBucketAndComesBackFromIt() {
        long assignment = SamplePlan.assignment(24, WUHU);
        String wuhu = TestTokens.unit(WUHU);
        byte[] content = EvidenceFiles.docx();
        Set<String> before = objects();
        long chunks = chunks();

        long id = Uploads.upload(wuhu, assignment, "对象存储里的方案.docx", content).statusCode(201)
                .body("sha256", equalTo(Uploads.sha256(content))).extract().jsonPath().getLong("id");
        Set<String> added = difference(objects(), before);
        assertEquals(1, added.size(), "one object per file");
        String key = added.iterator().next();
        assertTrue(key.startsWith("evidence/"), key);
        assertEquals(content.length, s3.headObject(r -> r.bucket(S3ProxyResource.BUCKET).key(key)).contentLength());
        assertEquals(EvidenceType.DOCX.mediaType(), s3.headObject(r -> r.bucket(S3ProxyResource.BUCKET).key(key)).contentType());
        assertEquals(chunks, chunks(), "nothing of it in PostgreSQL");

        byte[] back = given().auth().oauth2(TestTokens.viewer()).when().get("/api/attachments/" + id + "/content")
                .then().statusCode(200).header("Content-Length", String.valueOf(content.length)).extract().asByteArray();
        assertArrayEquals(content, back);

        given().auth().oauth2(wuhu).when().delete("/api/attachments/" + id).then().statusCode(204);
        assertFalse(objects().contains(key), "the object goes with its row");
    }

    @Test
    void anUploadWhoseRowCannotBeWrittenLeavesNoObject() {
        long assignment = SamplePlan.assignment(25, WUHU);
        int files = given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + assignment + "/attachments")
                .then().extract().jsonPath().getList("$").size();
        Set<String> before = objects();
        // the database refuses this one row after the object was written: the transaction rolls back
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                CREATE FUNCTION refuse_rollback_test() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused for the rollback test'; END $$;
                CREATE TRIGGER refuse_rollback_test BEFORE INSERT ON attachment FOR EACH ROW
                    WHEN (NEW.file_name = '回滚测试.pdf') EXECUTE FUNCTION refuse_rollback_test();
                """).executeUpdate());
        try {
            Uploads.upload(TestTokens.unit(WUHU), assignment, "回滚测试.pdf", EvidenceFiles.pdf()).statusCode(500)
                    .body("type", equalTo("urn:duban:problem:internal"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "DROP TRIGGER refuse_rollback_test ON attachment; DROP FUNCTION refuse_rollback_test();").executeUpdate());
        }
        assertEquals(before, objects(), "the object written before the row was removed again");
        assertEquals(files, given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + assignment + "/attachments")
                .then().extract().jsonPath().getList("$").size());
        Uploads.upload(TestTokens.unit(WUHU), assignment, "回滚之后.pdf", EvidenceFiles.pdf()).statusCode(201);
    }

    @Test
    void objectsNoRowNamesAreSwept() {
        long assignment = SamplePlan.assignment(26, WUHU);
        long kept = Uploads.uploaded(TestTokens.unit(WUHU), assignment, "留存.png", EvidenceFiles.png());
        Set<String> named = objects();
        // what a crash between writing the object and committing its row leaves behind
        s3.putObject(r -> r.bucket(S3ProxyResource.BUCKET).key("evidence/2022/orphan-after-crash"), RequestBody.fromString("%PDF-1.4"));
        s3.putObject(r -> r.bucket(S3ProxyResource.BUCKET).key("elsewhere/not-ours"), RequestBody.fromString("other data"));

        assertEquals(0, sweep.sweep(Instant.now().minusSeconds(3600)), "nothing is old enough yet");
        assertTrue(objects().contains("evidence/2022/orphan-after-crash"));
        assertEquals(1, sweep.sweep(Instant.now().plusSeconds(60)));
        Set<String> after = objects();
        assertFalse(after.contains("evidence/2022/orphan-after-crash"));
        assertTrue(after.contains("elsewhere/not-ours"), "only the service's own prefix is swept");
        assertTrue(after.containsAll(named.stream().filter(k -> k.startsWith("evidence/")).collect(Collectors.toSet())));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/attachments/" + kept + "/content").then().statusCode(200);
    }

    private static Set<String> objects() {
        return s3.listObjectsV2Paginator(r -> r.bucket(S3ProxyResource.BUCKET)).contents().stream().map(S3Object::key)
                .collect(Collectors.toSet());
    }

    private static Set<String> difference(Set<String> after, Set<String> before) {
        return after.stream().filter(k -> !before.contains(k)).collect(Collectors.toSet());
    }

    private long chunks() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM attachment_chunk").getSingleResult()).longValue());
    }

}
