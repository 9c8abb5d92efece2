package org.duban.reminder.replica;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.testsupport.EventSamples;
import org.duban.testsupport.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The replica on what the producers really write: the committed samples (task-service's and
 * unit-service's tests check that they still write them so; see {@link EventSamples}) go through Kafka to
 * the real consumer, and the copy's rows are checked — plus redelivery, an older event, a newer
 * producer's fields and types, and data without an id.
 */
@QuarkusTest
class ReplicaSamplesTest {

    /** What the samples of Hefei's assignment 990201 leave in the copy, one after the other. */
    private static final String REQUIREMENT = "围绕深入实施三次产业高质量协同发展计划，集中公开推动经济发展相关政策举措、工作进展、项目落地等信息。";
    private static final String CREATED = "990001|990101|1|" + REQUIREMENT
            + "|gov-340100|合肥市人民政府|RESPONSIBLE|2022-06-30|NOT_STARTED|true|-|2022-06-06|0|2022-06-06T02:00:00Z";
    private static final String STARTED = "990001|990101|1|" + REQUIREMENT
            + "|gov-340100|合肥市人民政府|RESPONSIBLE|2022-06-30|IN_PROGRESS|true|-|2022-06-06|3|2022-06-08T01:30:00Z";
    private static final String REPORTED = "990001|990101|1|" + REQUIREMENT
            + "|gov-340100|合肥市人民政府|RESPONSIBLE|2022-06-30|IN_PROGRESS|true|2022-06-15T07:00:00Z|2022-06-06|4|2022-06-15T07:00:00Z";
    private static final String SIGNED = "990001|990101|1|" + REQUIREMENT
            + "|gov-340100|合肥市人民政府|RESPONSIBLE|2022-06-30|NOT_STARTED|true|-|2022-06-06|1|2022-06-07T01:00:00Z";
    private static final String MILESTONE_DONE = "990001|990101|1|" + REQUIREMENT
            + "|gov-340100|合肥市人民政府|RESPONSIBLE|2022-06-30|IN_PROGRESS|true|2022-06-15T07:00:00Z|2022-06-06|5|2022-06-16T02:00:00Z";
    private static final String EXTENDED = "990001|990101|1|" + REQUIREMENT
            + "|gov-340100|合肥市人民政府|RESPONSIBLE|2022-09-30|IN_PROGRESS|true|2022-06-15T07:00:00Z|2022-06-06|6|2022-06-20T03:00:00Z";

    @Inject
    EntityManager em;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theAssignmentSamplesBuildTheCopyOneChangeAfterAnother() {
        sendAndAwait("duban.assignment.created", 990201, CREATED);
        assertEquals("-", acknowledgedAt(990201));
        sendAndAwait("duban.assignment.acknowledged", 990201, SIGNED);
        assertEquals("2022-06-07T01:00:00Z", acknowledgedAt(990201), "signed for (签收)");
        sendAndAwait("duban.assignment.status-changed", 990201, STARTED);
        sendAndAwait("duban.assignment.progress-reported", 990201, REPORTED);
        sendAndAwait("duban.assignment.milestone-changed", 990201, MILESTONE_DONE);
        assertEquals("990201|报送工作方案|2022-06-20|DONE|true|1", milestone(990301), "the milestone, reported done");
        sendAndAwait("duban.assignment.due-date-changed", 990201, EXTENDED);
        assertEquals("2022-06-07T01:00:00Z", acknowledgedAt(990201), "later events keep the signature");

        // the same event again, even with data claiming a later version, is recognised by its id and dropped
        ObjectNode again = sample("duban.assignment.status-changed");
        ((ObjectNode) again.get("data")).put("version", 99).put("status", "NOT_STARTED");
        consumed(send("duban.assignments", again));
        assertEquals(EXTENDED, assignment(990201));

        // an older change arriving late under an id of its own changes nothing either
        ObjectNode late = sample("duban.assignment.created");
        late.put("id", UUID.randomUUID().toString());
        consumed(send("duban.assignments", late));
        assertEquals(EXTENDED, assignment(990201));
    }

    @Test
    void aMilestoneFollowsItsChangesAndStaysRemovedOnceRemoved() {
        // the sample's assignment 990201 under other ids, so that this test does not depend on the one above
        ObjectNode created = sample("duban.assignment.created");
        created.put("id", UUID.randomUUID().toString()).put("subject", "990211");
        ((ObjectNode) created.get("data")).put("id", 990211);
        consumed(send("duban.assignments", created));

        ObjectNode done = milestoneEvent(990211, 990311, "COMPLETED", 5, 1);
        consumed(send("duban.assignments", done));
        assertEquals("990211|报送工作方案|2022-06-20|DONE|true|1", milestone(990311));

        ObjectNode removed = milestoneEvent(990211, 990311, "DELETED", 6, 1);
        consumed(send("duban.assignments", removed));
        assertEquals("990211|报送工作方案|2022-06-20|DONE|false|1", milestone(990311), "removed: kept, inactive");

        // an older change arriving late under an id of its own does not bring it back
        ObjectNode late = milestoneEvent(990211, 990311, "CREATED", 4, 0);
        ((ObjectNode) late.get("data").get("milestone")).put("status", "OPEN");
        consumed(send("duban.assignments", late));
        assertEquals("990211|报送工作方案|2022-06-20|DONE|false|1", milestone(990311));
    }

    /** The milestone-changed sample for another assignment and milestone, as change {@code change} at those versions. */
    private ObjectNode milestoneEvent(long assignment, long milestone, String change, long assignmentVersion, long milestoneVersion) {
        ObjectNode event = sample("duban.assignment.milestone-changed");
        event.put("id", UUID.randomUUID().toString()).put("subject", Long.toString(assignment));
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("id", assignment).put("version", assignmentVersion).put("change", change);
        ((ObjectNode) data.get("milestone")).put("id", milestone).put("assignmentId", assignment).put("version", milestoneVersion);
        return event;
    }

    @Test
    void theUrgedSampleGivesTheDelegatedShareItsPlaceInTheTree() {
        consumed(send("duban.assignments", sample("duban.assignment.urged")));
        assertEquals("990001|990104|4|依据标准目录，持续提升基层政府重点领域主动公开水平。|gov-340123|肥西县人民政府|RESPONSIBLE|2022-11-30"
                + "|NOT_STARTED|true|-|2022-06-22|1|2022-06-22T01:30:00Z", assignment(990207));
        assertEquals("990206|gov-340100|1", single("SELECT concat_ws('|', parent_id, delegated_by, depth) FROM assignment_copy WHERE id = ?1",
                990207));
        assertEquals("1", single("SELECT count(*)::text FROM notification WHERE assignment_id = ?1 AND kind = 'URGE' AND unit_code = 'gov-340123'",
                990207));
    }

    @Test
    void theReplacedSampleRetiresTheGroupAssignment() {
        sendAndAwait("duban.assignment.replaced", 990202, "990001|990102|2|切实做好稳经济大盘一揽子政策举措公开工作，强化政策解读。"
                + "|-|省有关单位|RESPONSIBLE|-|NOT_STARTED|false|-|2022-06-10|1|2022-06-10T02:00:00Z");
    }

    @Test
    void theUnitSampleGivesTheUnitsNameAndAddress() {
        consumed(send("duban.units", sample("duban.unit.changed")));
        assertEquals("合肥市数据资源局|sjj@hefei.example.cn|true|0", unit("hf-sjj"));
    }

    @Test
    void fieldsAndTypesOfANewerProducerAreTakenInStride() {
        // a newer task-service: a type and fields this version does not know
        ObjectNode urged = sample("duban.assignment.status-changed");
        urged.put("id", UUID.randomUUID().toString()).put("type", "duban.assignment.commented").put("subject", "990205");
        ((ObjectNode) urged.get("data")).put("id", 990205).put("comment", "请抓紧办理").put("coordinator", "ah-fgw")
                .put("weight", 0);
        send("duban.assignments", urged);
        String started = "990001|990101|1|" + REQUIREMENT
                + "|gov-340100|合肥市人民政府|RESPONSIBLE|2022-06-30|IN_PROGRESS|true|-|2022-06-08|3|2022-06-08T01:30:00Z";
        await().atMost(Duration.ofSeconds(30)).until(() -> started.equals(assignment(990205)));

        ObjectNode unit = sample("duban.unit.changed");
        unit.put("id", UUID.randomUUID().toString()).put("subject", "hf-sjj-2");
        ((ObjectNode) unit.get("data")).put("code", "hf-sjj-2").put("sortOrder", 3);
        ((ObjectNode) unit.get("data").get("contacts")).put("wechat", "hfsjj");
        send("duban.units", unit);
        await().atMost(Duration.ofSeconds(30)).until(() -> "合肥市数据资源局|sjj@hefei.example.cn|true|0".equals(unit("hf-sjj-2")));
    }

    @Test
    void dataWithoutAnIdIsSkippedAndWhatFollowsIsApplied() {
        ObjectNode broken = sample("duban.assignment.created");
        broken.put("id", UUID.randomUUID().toString()).put("subject", "990206");
        ((ObjectNode) broken.get("data")).remove("id");
        send("duban.assignments", broken);
        ObjectNode next = sample("duban.assignment.created");
        next.put("id", UUID.randomUUID().toString()).put("subject", "990206");
        ((ObjectNode) next.get("data")).put("id", 990206);
        RecordMetadata after = send("duban.assignments", next); // same key, same partition: applied after the broken one
        consumed(after);
        assertEquals(CREATED, assignment(990206));
        assertEquals("-", assignment(0), "no row for the event without an id");
    }

    private void sendAndAwait(String type, long id, String row) {
        send(type.startsWith("duban.unit.") ? "duban.units" : "duban.assignments", sample(type));
        await(type).atMost(Duration.ofSeconds(30)).until(() -> row.equals(assignment(id)));
    }

    private ObjectNode sample(String type) {
        try {
            return (ObjectNode) json.readTree(EventSamples.read(type));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordMetadata send(String topic, ObjectNode event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            return producer.send(new ProducerRecord<>(topic, event.get("subject").asText(), event.toString())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the replica has moved past {@code sent}: it was applied or dropped. */
    private void consumed(RecordMetadata sent) {
        await().atMost(Duration.ofSeconds(30)).until(() -> single("""
                SELECT count(*)::text FROM consumer_offset WHERE topic = ?1 AND partition = ?2 AND next_offset > ?3""",
                sent.topic(), sent.partition(), sent.offset()).equals("1"));
    }

    /** The copy's row, its columns joined by '|' ('-' for null), or "-" when there is none. */
    private String assignment(long id) {
        return single("""
                SELECT concat_ws('|', plan_id, task_id, task_number, coalesce(task_requirement, '-'), coalesce(unit_code, '-'),
                       coalesce(unit_name, '-'), role, coalesce(due_date::text, '-'), status, active::text,
                       coalesce(to_char(last_progress_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), '-'), anchor_date::text,
                       version, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                FROM assignment_copy WHERE id = ?1""", id);
    }

    private String acknowledgedAt(long id) {
        return single("SELECT coalesce(to_char(acknowledged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), '-') "
                + "FROM assignment_copy WHERE id = ?1", id);
    }

    private String milestone(long id) {
        return single("SELECT concat_ws('|', assignment_id, title, due_date::text, status, active::text, version) "
                + "FROM milestone_copy WHERE id = ?1", id);
    }

    private String unit(String code) {
        return single("SELECT concat_ws('|', name, coalesce(email, '-'), active::text, version) FROM unit_contact WHERE code = ?1", code);
    }

    private String single(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            List<?> rows = query.getResultList();
            return rows.isEmpty() ? "-" : String.valueOf(rows.get(0));
        });
    }
}
