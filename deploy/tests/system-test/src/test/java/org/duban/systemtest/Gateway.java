package org.duban.systemtest;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Everything the tests do, they do through the gateway, as a front end or an OA system would. */
final class Gateway {

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Gateway() {
    }

    /** A request with the user's token. */
    static RequestSpecification as(String token) {
        return given().baseUri(SystemStack.get().gateway()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A request without a token. */
    static RequestSpecification anonymous() {
        return given().baseUri(SystemStack.get().gateway()).contentType(ContentType.JSON);
    }

    /** Every item of a paged list ({@code {"items", "page", "size", "total"}}), page by page. */
    static List<Map<String, Object>> all(String token, String path, Map<String, ?> query) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, Object> answer = json(as(token).queryParams(query).queryParam("size", 500).queryParam("page", page)
                    .when().get(path).then().statusCode(200).extract().asByteArray());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> got = (List<Map<String, Object>>) answer.get("items");
            items.addAll(got);
            if (got.size() < 500 || items.size() >= ((Number) answer.get("total")).longValue()) {
                return items;
            }
        }
    }

    /** An answer that is a plain JSON array (an assignment's milestones or files). */
    static List<Map<String, Object>> allOf(String token, String path) {
        try {
            return Channels.JSON.readValue(as(token).when().get(path).then().statusCode(200).extract().asByteArray(),
                    new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() {
                    });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A JSON object as maps and lists (Jackson: big lists parse much faster than with JsonPath). */
    static Map<String, Object> json(byte[] body) {
        try {
            return Channels.JSON.readValue(body, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Moves an assignment in its workflow with the ETag just read (If-Match); returns the new state. */
    static JsonPath move(String token, long assignmentId, String to, String note) {
        String etag = as(token).when().get("/api/assignments/" + assignmentId).then().statusCode(200).extract().header("ETag");
        return as(token).header("If-Match", etag).body(Map.of("to", to, "note", note))
                .when().post("/api/assignments/" + assignmentId + "/transitions").then().statusCode(200).extract().jsonPath();
    }

    /** Runs the reminder rules as of an instant, as the office. */
    static JsonPath runReminders(String at) {
        return as(Users.office()).queryParam("at", at).when().post("/api/reminders/run")
                .then().statusCode(200).extract().jsonPath();
    }

    /** What an OA system has pulled from the sync feed, and the cursor to go on from. */
    record Sync(List<Map<String, Object>> changes, String cursor) {
    }

    /** Pulls {@code GET /api/sync/assignments} as the integrator from {@code cursor} (null: the beginning) until nothing is new. */
    static Sync pullSync(String cursor) {
        List<Map<String, Object>> changes = new ArrayList<>();
        while (true) {
            RequestSpecification request = as(Users.integrator()).queryParam("limit", 1000);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Map<String, Object> page = json(request.when().get("/api/sync/assignments").then().statusCode(200).extract().asByteArray());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
            if (items.isEmpty()) {
                return new Sync(changes, (String) page.get("nextCursor"));
            }
            changes.addAll(items);
            cursor = (String) page.get("nextCursor");
        }
    }

    static long id(Map<String, Object> item) {
        return ((Number) item.get("id")).longValue();
    }
}
