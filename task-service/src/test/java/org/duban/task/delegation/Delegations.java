package org.duban.task.delegation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What the delegation tests do again and again: units in the real unit-service, moves, reads, events. */
final class Delegations {

    static final String HEFEI = "gov-340100";
    static final String FEIXI = "gov-340123";
    static final String WUHU = "gov-340200";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Delegations() {
    }

    /** A unit created in unit-service below {@code parent}; its code. Names no other test uses. */
    static String createUnit(String parent, String level, String namePrefix) {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String name = namePrefix + code.substring(2);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("code", code, "name", name, "level", level, "type", "DEPARTMENT", "parentCode", parent))
                .when().post(unitService() + "/api/units").then().statusCode(201);
        return code;
    }

    static String unitService() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.unit-service.url", String.class);
    }

    static String unit(String code) {
        return TestTokens.unit(code);
    }

    static JsonPath assignment(long id) {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Delegates {@code parent} as {@code token}: one item per unit code, the given due date (or none). */
    static ValidatableResponse delegate(long parent, String token, String dueDate, String... unitCodes) {
        List<Map<String, Object>> items = java.util.Arrays.stream(unitCodes).map(code -> {
            Map<String, Object> item = new java.util.LinkedHashMap<>();
            item.put("unitCode", code);
            item.put("role", "RESPONSIBLE");
            if (dueDate != null) {
                item.put("dueDate", dueDate);
            }
            item.put("note", "请结合实际抓好落实");
            return item;
        }).toList();
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("items", items))
                .when().post("/api/assignments/" + parent + "/delegations").then();
    }

    /** A move in the workflow with the current ETag. */
    static ValidatableResponse move(long id, String token, String to) {
        String etag = given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + id).then().statusCode(200)
                .extract().header("ETag");
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("to", to, "note", "层层分解测试")).when().post("/api/assignments/" + id + "/transitions").then();
    }

    static void finish(long id, String unitToken, String supervisorToken) {
        given().auth().oauth2(unitToken).when().post("/api/assignments/" + id + "/acknowledge").then().statusCode(200);
        given().auth().oauth2(unitToken).contentType(ContentType.JSON).body(Map.of("text", "已完成", "percent", 100))
                .when().post("/api/assignments/" + id + "/progress").then().statusCode(200);
        move(id, unitToken, "SUBMITTED").statusCode(200);
        move(id, supervisorToken, "COMPLETED").statusCode(200);
    }

    /** The events of one type about one assignment on duban.assignments, at least {@code expected}. */
    static List<JsonNode> events(long assignmentId, String type, int expected) {
        String key = Long.toString(assignmentId);
        return TopicReader.read("duban.assignments", r -> r.key().equals(key) && r.value().contains("\"type\":\"" + type + "\""),
                expected, Duration.ofSeconds(30)).stream().map(r -> parse(r.value())).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
