package org.duban.task.assignment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.testsupport.EventSamples;
import org.duban.testsupport.SharedInfrastructure;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every type on {@code duban.assignments}, written by the real code path (a plan imported, an
 * assignment worked on, its due date extended, a vague group resolved, a unit renamed in unit-service), is
 * checked against the
 * committed sample of its type (see {@link EventSamples}; reminder-service's replica is tested on
 * the same files). Ids and instants get the samples' values; everything else must match.
 */
@QuarkusTest
class AssignmentEventSamplesTest {

    private static final String HEFEI = "gov-340100";
    /** A department this test adds to unit-service (a fresh database per test JVM) and renames there. */
    private static final String RENAMED_UNIT = "ah-ybsjj";
    private static final String OLD_NAME = "安徽省样板数据管理局";
    private static final String NEW_NAME = "安徽省样板数据资源管理局";
    /**
     * Three tasks: Hefei's with a fixed deadline, an ONGOING one for a vague group the office resolves, and
     * one for the department that is renamed.
     */
    private static final String PLAN = """
            安徽省人民政府办公厅

            皖政务办〔2022〕90号

            安徽省政务公开办公室关于印发事件样例任务分工的通知

            各市、县人民政府办公室（政务公开办公室），省有关单位办公室：

            现将《事件样例任务分工》印发给你们，请认真抓好落实。

            安徽省政务公开办公室

            2022年6月6日

            事件样例任务分工

            工作任务\t\t具体要求\t责任单位\t时限要求\t
            一、加强经济领域信息公开，全力营造平稳健康的经济环境。\t(一)加强经济发展的信息公开。\t1\t围绕深入实施三次产业高质量协同发展计划，集中公开推动经济发展相关政策举措、工作进展、项目落地等信息。\t合肥市政府负责落实\t6月底前
            \t\t2\t切实做好稳经济大盘一揽子政策举措公开工作，强化政策解读。\t省有关单位负责落实\t持续推进
            \t\t3\t建设全省统一的政务数据共享平台，推动政务数据有序开放。\t安徽省样板数据管理局负责落实\t年底前
            \t\t4\t依据标准目录，持续提升基层政府重点领域主动公开水平。\t合肥市政府负责落实\t年底前
            """;

    /** What one run of the story wrote, read back from the topic. */
    private record Story(long planId, long hefei, long group, List<Long> named, Map<String, String> hefeiEvents,
                         List<String> hefeiAll, String replaced, long renamed, String unitUpdated, long delegated, long child,
                         String childrenChanged, String urged) {
    }

    private static Story story;

    @Inject
    EntityManager em;

    private final ObjectMapper json = new ObjectMapper();

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Imports the plan and plays every kind of change once; read back from duban.assignments. */
    private static synchronized Story story() {
        if (story != null) {
            return story;
        }
        String office = TestTokens.admin();
        String hefeiStaff = TestTokens.unit(HEFEI);
        String unitService = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.rest-client.unit-service.url", String.class) + "/api/units";
        String unitEtag = as(office).body(Map.of("code", RENAMED_UNIT, "name", OLD_NAME, "level", "PROVINCE", "type", "DEPARTMENT"))
                .when().post(unitService).then().statusCode(201).extract().header("ETag");
        long planId = given().auth().oauth2(office).contentType("text/plain; charset=UTF-8")
                .body(PLAN.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/plans/import").then().statusCode(201).extract().jsonPath().getLong("plan.id");
        long hefei = as(office).queryParam("planId", planId).queryParam("taskNumber", 1).queryParam("unit", HEFEI)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        long group = as(office).queryParam("planId", planId).queryParam("taskNumber", 2)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getLong("items[0].id");

        as(hefeiStaff).when().post("/api/assignments/" + hefei + "/acknowledge").then().statusCode(200);
        long milestone = as(office).body(Map.of("title", "报送工作方案", "dueDate", "2022-06-20"))
                .when().post("/api/assignments/" + hefei + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
        String etag = as(hefeiStaff).when().get("/api/assignments/" + hefei).then().statusCode(200).extract().header("ETag");
        as(hefeiStaff).header("If-Match", etag).body(Map.of("to", "IN_PROGRESS", "note", "已召开专题会议部署"))
                .when().post("/api/assignments/" + hefei + "/transitions").then().statusCode(200);
        long evidence = given().auth().oauth2(hefeiStaff)
                .multiPart("file", "progress.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "application/pdf")
                .when().post("/api/assignments/" + hefei + "/attachments").then().statusCode(201).extract().jsonPath().getLong("id");
        as(hefeiStaff).body(Map.of("text", "已在政府网站开设专栏，集中发布相关政策举措", "percent", 40, "attachmentIds", List.of(evidence)))
                .when().post("/api/assignments/" + hefei + "/progress").then().statusCode(200);
        as(hefeiStaff).body(Map.of("note", "工作方案已报送省政务公开办"))
                .when().post("/api/milestones/" + milestone + "/complete").then().statusCode(200);
        long request = as(hefeiStaff).body(Map.of("until", "2022-09-30", "reason", "需协调多个部门"))
                .when().post("/api/assignments/" + hefei + "/extension-requests").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(office).body(Map.of("approved", true, "note", "同意延期至9月底"))
                .when().post("/api/extension-requests/" + request + "/decision").then().statusCode(200);
        List<Long> named = as(office).body(Map.of("unitCodes", List.of("ah-jyt", "ah-czt")))
                .when().post("/api/assignments/" + group + "/resolve").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class);

        long renamed = as(office).queryParam("planId", planId).queryParam("taskNumber", 3)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        as(office).header("If-Match", unitEtag)
                .body(Map.of("code", RENAMED_UNIT, "name", NEW_NAME, "level", "PROVINCE", "type", "DEPARTMENT"))
                .when().put(unitService + "/" + RENAMED_UNIT).then().statusCode(200);
        String renamedKey = Long.toString(renamed);
        String unitUpdated = TopicReader.read("duban.assignments",
                r -> r.key().equals(renamedKey) && r.value().contains("\"type\":\"duban.assignment.unit-updated\""),
                1, Duration.ofSeconds(60)).getFirst().value();

        // 层层分解 and 催办: Hefei delegates its share of task 4 to 肥西县 and urges it
        long delegated = as(office).queryParam("planId", planId).queryParam("taskNumber", 4).queryParam("unit", HEFEI)
                .when().get("/api/assignments").then().statusCode(200).extract().jsonPath().getLong("items[0].id");
        long child = as(hefeiStaff).body(Map.of("items", List.of(Map.of("unitCode", "gov-340123", "role", "RESPONSIBLE",
                        "dueDate", "2022-11-30", "note", "请结合县域实际抓好落实"))))
                .when().post("/api/assignments/" + delegated + "/delegations").then().statusCode(201)
                .extract().jsonPath().getLong("[0].id");
        as(hefeiStaff).body(Map.of("message", "请于本周内报送工作进展"))
                .when().post("/api/assignments/" + child + "/urge").then().statusCode(201);
        String delegatedKey = Long.toString(delegated);
        String childKey = Long.toString(child);
        String childrenChanged = TopicReader.read("duban.assignments",
                r -> r.key().equals(delegatedKey) && r.value().contains("\"type\":\"duban.assignment.children-changed\""),
                1, Duration.ofSeconds(30)).getFirst().value();
        String urged = TopicReader.read("duban.assignments",
                r -> r.key().equals(childKey) && r.value().contains("\"type\":\"duban.assignment.urged\""),
                1, Duration.ofSeconds(30)).getFirst().value();

        String hefeiKey = Long.toString(hefei);
        String groupKey = Long.toString(group);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(SharedInfrastructure.kafkaBootstrapServers(),
                "duban.assignments", r -> r.key().equals(hefeiKey) || r.key().equals(groupKey),
                found -> found.size() >= 9, Duration.ofSeconds(30));
        Map<String, String> hefeiEvents = new LinkedHashMap<>();
        List<String> hefeiAll = new ArrayList<>();
        String replaced = null;
        for (ConsumerRecord<String, String> r : records) {
            String type = type(r.value());
            if (r.key().equals(hefeiKey)) {
                hefeiAll.add(r.value());
            }
            if (r.key().equals(hefeiKey) && type.equals("duban.assignment.milestone-changed")) {
                hefeiEvents.put(type, r.value()); // the milestone reported done: the richest of the two
            } else if (r.key().equals(hefeiKey)) {
                hefeiEvents.putIfAbsent(type, r.value());
            } else if (type.equals("duban.assignment.replaced")) {
                replaced = r.value();
            }
        }
        story = new Story(planId, hefei, group, named, hefeiEvents, hefeiAll, replaced, renamed, unitUpdated, delegated, child,
                childrenChanged, urged);
        return story;
    }

    private static String type(String event) {
        try {
            return new ObjectMapper().readTree(event).path("type").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyTypeIsWrittenAsItsSampleShowsIt() {
        Story s = story();
        assertEquals(List.of("duban.assignment.created", "duban.assignment.acknowledged", "duban.assignment.milestone-changed",
                "duban.assignment.status-changed", "duban.assignment.progress-reported", "duban.assignment.due-date-changed"),
                List.copyOf(s.hefeiEvents().keySet()));
        Map<String, Object> hefei = Map.of("/subject", "990201", "/data/id", 990201L, "/data/taskId", 990101L,
                "/data/planId", 990001L);
        Map<String, Object> signed = with(hefei, "/data/acknowledgedAt", "2022-06-07T01:00:00Z");
        EventSamples.check(s.hefeiEvents().get("duban.assignment.created"), with(hefei,
                "/time", "2022-06-06T02:00:00Z", "/data/updatedAt", "2022-06-06T02:00:00Z"));
        EventSamples.check(s.hefeiEvents().get("duban.assignment.acknowledged"), with(signed,
                "/time", "2022-06-07T01:00:00Z", "/data/updatedAt", "2022-06-07T01:00:00Z"));
        EventSamples.check(s.hefeiEvents().get("duban.assignment.status-changed"), with(signed,
                "/time", "2022-06-08T01:30:00Z", "/data/updatedAt", "2022-06-08T01:30:00Z"));
        EventSamples.check(s.hefeiEvents().get("duban.assignment.progress-reported"), with(signed,
                "/time", "2022-06-15T07:00:00Z", "/data/updatedAt", "2022-06-15T07:00:00Z",
                "/data/lastProgressAt", "2022-06-15T07:00:00Z", "/data/attachmentIds", List.of(990301L)));
        EventSamples.check(s.hefeiEvents().get("duban.assignment.milestone-changed"), with(signed,
                "/time", "2022-06-16T02:00:00Z", "/data/updatedAt", "2022-06-16T02:00:00Z",
                "/data/lastProgressAt", "2022-06-15T07:00:00Z", "/data/milestone/id", 990301L,
                "/data/milestone/assignmentId", 990201L, "/data/milestone/doneAt", "2022-06-16T02:00:00Z",
                "/data/milestone/createdAt", "2022-06-07T02:00:00Z", "/data/milestone/updatedAt", "2022-06-16T02:00:00Z"));
        EventSamples.check(s.hefeiEvents().get("duban.assignment.due-date-changed"), with(signed,
                "/time", "2022-06-20T03:00:00Z", "/data/updatedAt", "2022-06-20T03:00:00Z",
                "/data/lastProgressAt", "2022-06-15T07:00:00Z"));
        EventSamples.check(s.replaced(), Map.of("/subject", "990202", "/data/id", 990202L, "/data/taskId", 990102L,
                "/data/planId", 990001L, "/time", "2022-06-10T02:00:00Z", "/data/updatedAt", "2022-06-10T02:00:00Z",
                "/data/replacedBy", List.of(990203L, 990204L)));
        assertEquals(s.named(), ids(s.replaced(), "/data/replacedBy"), "replacedBy names the new assignments");
        EventSamples.check(s.unitUpdated(), Map.of("/subject", "990205", "/data/id", 990205L, "/data/taskId", 990103L,
                "/data/planId", 990001L, "/time", "2022-06-12T02:00:00Z", "/data/updatedAt", "2022-06-12T02:00:00Z"));
    }

    @Test
    void delegationAndUrgingAreWrittenAsTheirSamplesShowThem() {
        Story s = story();
        EventSamples.check(s.childrenChanged(), Map.of("/subject", "990206", "/data/id", 990206L, "/data/taskId", 990104L,
                "/data/planId", 990001L, "/time", "2022-06-21T02:00:00Z", "/data/updatedAt", "2022-06-21T02:00:00Z",
                "/data/childIds", List.of(990207L)));
        assertEquals(List.of(s.child()), ids(s.childrenChanged(), "/data/childIds"));
        EventSamples.check(s.urged(), Map.of("/subject", "990207", "/data/id", 990207L, "/data/taskId", 990104L,
                "/data/planId", 990001L, "/data/parentId", 990206L, "/time", "2022-06-22T01:30:00Z",
                "/data/updatedAt", "2022-06-22T01:30:00Z", "/data/urgedAt", "2022-06-22T01:30:00Z"));
        assertEquals(s.delegated(), json(s.urged()).at("/data/parentId").asLong(), "the urged child names its parent");
    }

    private JsonNode json(String event) {
        try {
            return json.readTree(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSyncFeedKeepsTheSameDataAsTheEvents() throws Exception {
        Story s = story();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT change_type, payload FROM sync_change WHERE assignment_id = ?1 ORDER BY id")
                .setParameter(1, s.hefei()).getResultList());
        List<String> types = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            types.add((String) row[0]);
            JsonNode event = json.readTree(s.hefeiAll().get(i));
            assertEquals(event.get("type").asText(), row[0]);
            assertEquals(event.get("data"), json.readTree((String) row[1]), row[0] + " in the OA sync feed");
        }
        assertEquals(List.of("duban.assignment.created", "duban.assignment.acknowledged", "duban.assignment.milestone-changed",
                "duban.assignment.status-changed", "duban.assignment.progress-reported", "duban.assignment.milestone-changed",
                "duban.assignment.due-date-changed"), types);
    }

    @Test
    void theDataIsTheAssignmentAsTheRestApiShowsItPlusTheChange() throws Exception {
        Story s = story();
        ObjectNode data = (ObjectNode) json.readTree(s.hefeiEvents().get("duban.assignment.due-date-changed")).get("data");
        String view = as(TestTokens.admin()).when().get("/api/assignments/" + s.hefei()).then().statusCode(200)
                .extract().asString();
        ObjectNode rest = (ObjectNode) json.readTree(view);
        data.remove(List.of("taskRequirement", "deadlineKind", "from", "to", "by", "note"));
        // the event shows the instant of the change as the JVM had it (nanoseconds), the REST API as stored (microseconds)
        Instant written = Instant.parse(data.remove("updatedAt").asText());
        Instant stored = Instant.parse(rest.remove("updatedAt").asText());
        assertTrue(Duration.between(written, stored).abs().toNanos() < 1000, written + " / " + stored);
        assertEquals(rest, data);
    }

    private List<Long> ids(String event, String pointer) {
        try {
            List<Long> ids = new ArrayList<>();
            json.readTree(event).at(pointer).forEach(n -> ids.add(n.asLong()));
            return ids;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... more) {
        Map<String, Object> all = new LinkedHashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            all.put((String) more[i], more[i + 1]);
        }
        return all;
    }
}
