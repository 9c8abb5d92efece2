package org.duban.task.units;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.duban.task.assignment.ReviewReasons;
import org.duban.testsupport.SharedInfrastructure;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * task-service's copy of {@code duban.units} on the events the real unit-service publishes: the office
 * creates two departments there, imports a plan naming them, then renames one and deactivates the other
 * in unit-service. The assignments follow (version, history, event, sync feed), the abolished unit's open
 * work shows in the office's queue, a redelivered event changes nothing, and a reactivation (unit-service's
 * bulk import) lifts the flag.
 */
@QuarkusTest
class UnitCopyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEFEI = "gov-340100";

    @Inject
    EntityManager em;

    /** Two units of its own per test, so tests share nothing: codes and names no other test uses. */
    private record Unit(String code, String name, String etag) {
    }

    @Test
    void aRenameReachesEveryAssignmentOfTheUnitOnceAndARedeliveryChangesNothing() {
        Unit unit = createUnit("rn");
        long planId = importPlan(unit.name() + "牵头，合肥市政府负责落实", unit.name() + "负责落实");
        List<Long> ids = assignmentsOf(planId, unit.code());
        assertEquals(2, ids.size());
        JsonPath before = assignment(ids.get(0));

        String renamed = unit.name() + "（更名）";
        Unit current = rename(unit, renamed);
        await("task-service follows the rename").atMost(Duration.ofSeconds(60))
                .until(() -> ids.stream().allMatch(id -> renamed.equals(assignment(id).getString("unitName"))));
        JsonPath after = assignment(ids.get(0));
        assertEquals(before.getLong("version") + 1, after.getLong("version"), "a change like any other");
        assertEquals(before.getString("status"), after.getString("status"), "the status stays");
        List<Map<String, Object>> history = history(ids.get(0));
        assertEquals("UNIT_UPDATED", history.getLast().get("kind"));
        assertEquals("unit-service", history.getLast().get("by"));
        assertEquals("责任单位名称由“" + unit.name() + "”变更为“" + renamed + "”", history.getLast().get("text"));

        // the event on duban.assignments and the OA sync feed carry the new name
        JsonNode event = unitUpdated(ids.get(0), 1).getFirst();
        assertEquals("RENAMED", event.at("/data/change").asText());
        assertEquals(unit.name(), event.at("/data/from").asText());
        assertEquals(renamed, event.at("/data/to").asText());
        assertEquals(renamed, event.at("/data/unitName").asText());
        assertEquals(after.getLong("version"), event.at("/data/version").asLong());
        assertEquals(List.of(renamed), feed(ids.get(0), "duban.assignment.unit-updated").stream()
                .map(item -> item.get("unitName").asText()).toList());
        assertEquals(after.getString("unitName"), feed(ids.get(0), "duban.assignment.unit-updated").getFirst().get("unitName").asText());

        // the same event again (same id, same key: the same partition, so read before the next rename) changes nothing
        ConsumerRecord<String, String> published = unitEvents(unit.code(), 2).getLast();
        send(published.key(), published.value());
        String again = renamed + "二";
        current = rename(current, again);
        await("the second rename").atMost(Duration.ofSeconds(60))
                .until(() -> again.equals(assignment(ids.get(0)).getString("unitName")));
        assertEquals(before.getLong("version") + 2, assignment(ids.get(0)).getLong("version"), "two renames, two changes");
        assertEquals(2, history(ids.get(0)).stream().filter(h -> h.get("kind").equals("UNIT_UPDATED")).count());
        assertEquals(2, feed(ids.get(0), "duban.assignment.unit-updated").size());

        // an older state under an id of its own is not newer than the copy: dropped too
        send(published.key(), withId(published.value(), UUID.randomUUID().toString()));
        String third = renamed + "三";
        rename(current, third);
        await("the third rename").atMost(Duration.ofSeconds(60))
                .until(() -> third.equals(assignment(ids.get(0)).getString("unitName")));
        assertEquals(3, feed(ids.get(0), "duban.assignment.unit-updated").size(), "the old name never came back");
    }

    @Test
    void anAbolishedUnitsOpenWorkGoesToTheOfficesQueueAndTheOfficeNamesAnotherUnit() {
        Unit unit = createUnit("dx");
        long planId = importPlan(unit.name() + "牵头，合肥市政府负责落实", unit.name() + "负责落实");
        List<Long> ids = assignmentsOf(planId, unit.code());
        long open = ids.get(0);
        long completed = ids.get(1);
        String staff = TestTokens.unit(unit.code());
        move(completed, staff, "IN_PROGRESS");
        move(completed, staff, "SUBMITTED");
        move(completed, TestTokens.admin(), "COMPLETED");
        long completedVersion = assignment(completed).getLong("version");

        given().auth().oauth2(TestTokens.admin()).header("If-Match", unit.etag())
                .when().delete(unitService() + "/api/units/" + unit.code()).then().statusCode(204);
        await("the open work is flagged").atMost(Duration.ofSeconds(60))
                .until(() -> assignment(open).getBoolean("reviewNeeded"));
        assertEquals(ReviewReasons.UNIT_DEACTIVATED, assignment(open).getString("reviewReason"));
        assertEquals("NOT_STARTED", assignment(open).getString("status"), "the status stays");
        assertEquals("DEACTIVATED", unitUpdated(open, 1).getFirst().at("/data/change").asText());
        assertEquals(ReviewReasons.UNIT_DEACTIVATED, feed(open, "duban.assignment.unit-updated").getFirst().get("reviewReason").asText());
        JsonPath done = assignment(completed);
        assertFalse(done.getBoolean("reviewNeeded"), "completed work is left as it is");
        assertEquals(completedVersion, done.getLong("version"));

        // the office's queue shows it, with the reason
        JsonPath queue = given().auth().oauth2(TestTokens.admin()).queryParam("reviewNeeded", true).queryParam("planId", planId)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(open), queue.getList("items.id", Long.class));
        assertEquals(List.of(ReviewReasons.UNIT_DEACTIVATED), queue.getList("items.reviewReason"));

        // unit-service's bulk import makes it active again: the flag is lifted
        String csv = "code,name,level,type,active\n" + unit.code() + "," + unit.name() + ",PROVINCE,DEPARTMENT,true\n";
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post(unitService() + "/api/units/import").then().statusCode(200);
        await("the flag is lifted").atMost(Duration.ofSeconds(60)).until(() -> !assignment(open).getBoolean("reviewNeeded"));
        assertNull(assignment(open).getString("reviewReason"));
        assertEquals("REACTIVATED", unitUpdated(open, 2).getLast().at("/data/change").asText());

        // abolished again; the office names the unit that takes the work over
        String etag = given().auth().oauth2(TestTokens.admin()).when().get(unitService() + "/api/units/" + unit.code())
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.admin()).header("If-Match", etag)
                .when().delete(unitService() + "/api/units/" + unit.code()).then().statusCode(204);
        await("flagged again").atMost(Duration.ofSeconds(60)).until(() -> assignment(open).getBoolean("reviewNeeded"));
        List<Long> named = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("unitCodes", List.of("ah-jyt"))).when().post("/api/assignments/" + open + "/resolve")
                .then().statusCode(200).extract().jsonPath().getList("id", Long.class);
        assertEquals(1, named.size());
        assertEquals("ah-jyt", assignment(named.getFirst()).getString("unitCode"));
        assertEquals(List.of(), given().auth().oauth2(TestTokens.admin()).queryParam("reviewNeeded", true).queryParam("planId", planId)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getList("items.id"), "the queue is empty");
    }

    // --- unit-service, the real one

    private static String unitService() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.unit-service.url", String.class);
    }

    /** A provincial department of a name no other test uses (Han characters only, as responsibility texts name units). */
    private static Unit createUnit(String prefix) {
        long n = System.nanoTime();
        StringBuilder han = new StringBuilder();
        for (int i = 0; i < 5; i++, n /= 10) {
            han.append("甲乙丙丁戊己庚辛壬癸".charAt((int) (n % 10)));
        }
        String name = "安徽省试验" + han + "管理局";
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "level", "PROVINCE", "type", "DEPARTMENT"))
                .when().post(unitService() + "/api/units").then().statusCode(201).extract().response();
        return new Unit(code, name, created.header("ETag"));
    }

    /** The unit under its new name, with the ETag unit-service answered. */
    private static Unit rename(Unit unit, String name) {
        String etag = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("If-Match", unit.etag())
                .body(Map.of("code", unit.code(), "name", name, "level", "PROVINCE", "type", "DEPARTMENT"))
                .when().put(unitService() + "/api/units/" + unit.code()).then().statusCode(200).extract().header("ETag");
        return new Unit(unit.code(), name, etag);
    }

    // --- task-service

    /** A plan of two tasks with these responsibility texts; its id. */
    private static long importPlan(String first, String second) {
        String plan = """
                安徽省人民政府办公厅

                皖政办〔2022〕%d号

                安徽省人民政府办公厅关于印发单位变更测试任务分工的通知

                各市、县人民政府，省政府各部门：

                现将《单位变更测试任务分工》印发给你们，请认真抓好落实。

                安徽省人民政府办公厅

                2022年6月6日

                单位变更测试任务分工

                工作任务\t\t具体要求\t责任单位\t时限要求\t
                一、加强经济领域信息公开。\t(一)加强经济发展的信息公开。\t1\t集中公开推动经济发展相关政策举措。\t%s\t年底前
                \t\t2\t及时回应市场主体关切。\t%s\t持续推进
                """.formatted(System.nanoTime() % 1_000_000_000, first, second);
        return given().auth().oauth2(TestTokens.admin()).contentType("text/plain; charset=UTF-8")
                .body(plan.getBytes(StandardCharsets.UTF_8)).when().post("/api/plans/import")
                .then().statusCode(201).body("unresolved", org.hamcrest.Matchers.hasSize(0))
                .extract().jsonPath().getLong("plan.id");
    }

    /** The unit's assignments in the plan, by task number. */
    private static List<Long> assignmentsOf(long planId, String unitCode) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("planId", planId).queryParam("unit", unitCode)
                .queryParam("sort", "taskNumber").when().get("/api/assignments").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private static JsonPath assignment(long id) {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> history(long id) {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + id + "/history")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private static void move(long id, String token, String to) {
        String etag = given().auth().oauth2(token).when().get("/api/assignments/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("to", to))
                .when().post("/api/assignments/" + id + "/transitions").then().statusCode(200);
    }

    /** The sync feed's entries of one assignment of one type, oldest first (the payload each stores). */
    private List<JsonNode> feed(long assignmentId, String type) {
        @SuppressWarnings("unchecked")
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT payload FROM sync_change WHERE assignment_id = ?1 AND change_type = ?2 ORDER BY id")
                .setParameter(1, assignmentId).setParameter(2, type).getResultList());
        return payloads.stream().map(UnitCopyTest::parse).toList();
    }

    // --- Kafka

    private static List<JsonNode> unitUpdated(long assignmentId, int expected) {
        String key = Long.toString(assignmentId);
        return TopicReader.read("duban.assignments",
                        r -> r.key().equals(key) && r.value().contains("\"type\":\"duban.assignment.unit-updated\""),
                        expected, Duration.ofSeconds(30))
                .stream().map(r -> parse(r.value())).toList();
    }

    private static List<ConsumerRecord<String, String>> unitEvents(String code, int expected) {
        List<ConsumerRecord<String, String>> found = TopicReader.read("duban.units", r -> code.equals(r.key()), expected,
                Duration.ofSeconds(30));
        assertTrue(found.size() >= expected, "unit-service published " + found.size() + " events of " + code);
        return found;
    }

    private static void send(String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>("duban.units", key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withId(String event, String id) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) parse(event)).put("id", id).toString();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
