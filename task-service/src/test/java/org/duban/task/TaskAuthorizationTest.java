package org.duban.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what in task-service, with real signed tokens: every endpoint × (anonymous, viewer,
 * the assignment's own unit 合肥市, another unit 芜湖市, integrator, admin). viewer reads; a unit
 * reads and acts on its own unit's assignments only; the office (admin) does everything the
 * contract gives it — it decides, completes, returns, imports, names units — while working on an
 * assignment, reporting progress and asking for more time stay the unit's own acts (API.md);
 * integrator reads all and pulls the sync feed.
 *
 * <p>Writes that the caller is allowed are sent so that they change nothing shared: a stale
 * {@code If-Match} (412), the plan already imported (409), an assignment that is no group (409),
 * an extension already pending (409). So the expected status shows that the caller got past the
 * authorization check, and the rows do not depend on each other.
 */
@QuarkusTest
class TaskAuthorizationTest {

    private static final String HEFEI = "gov-340100";
    private static final String WUHU = "gov-340200";
    private static final List<String> CALLERS = List.of("anonymous", "viewer", "own-unit", "other-unit", "integrator", "admin");

    /** method, path, body; then the status for each of CALLERS, in that order. */
    private static final String[] MATRIX = {
            "GET    /api/plans                                   -             401 200 200 200 200 200",
            "GET    /api/plans/{plan}                            -             401 200 200 200 200 200",
            "GET    /api/plans/{plan}/tasks                      -             401 200 200 200 200 200",
            "GET    /api/plans/{plan}/summary                    -             401 200 200 200 200 200",
            "GET    /api/plans/{plan}/export                     -             401 200 403 403 200 200",
            "POST   /api/plans/import                            plan-text     401 403 403 403 403 409",
            "POST   /api/plans/import                            plan-file     401 403 403 403 403 409",
            "GET    /api/tasks                                   -             401 200 200 200 200 200",
            "GET    /api/tasks/{task}                            -             401 200 200 200 200 200",
            "GET    /api/assignments                             -             401 200 200 200 200 200",
            "GET    /api/assignments?unit=gov-340100             -             401 200 200 403 200 200",
            "GET    /api/assignments/{read}                      -             401 200 200 403 200 200",
            "GET    /api/assignments/{read}/history              -             401 200 200 403 200 200",
            "GET    /api/assignments/{read}/extension-requests   -             401 200 200 403 200 200",
            "POST   /api/assignments/{read}/transitions          start         401 403 412 403 403 403",
            "POST   /api/assignments/{submitted}/transitions     complete      401 403 403 403 403 412",
            "POST   /api/assignments/{submitted}/transitions     return        401 403 403 403 403 412",
            "POST   /api/assignments/{progress}/progress         progress      401 403 200 403 403 403",
            "POST   /api/assignments/{extension}/extension-requests extension  401 403 409 403 403 403",
            "POST   /api/assignments/{read}/resolve              resolve       401 403 403 403 403 409",
            "GET    /api/assignments/{read}/attachments          -             401 200 200 403 200 200",
            "POST   /api/assignments/{read}/attachments          program       401 403 415 403 403 415",
            "GET    /api/attachments/{file}/content              -             401 200 200 403 200 200",
            "DELETE /api/attachments/{cited}                     -             401 403 409 403 403 409",
            // a unit reads the requests on the assignments it delegated (its own queue as their supervisor)
            "GET    /api/extension-requests                      -             401 200 200 200 200 200",
            "POST   /api/extension-requests/{request}/decision   decision      401 403 403 403 403 200",
            "GET    /api/sync/assignments                        -             401 403 403 403 200 200",
            "POST   /api/assignments/{read}/acknowledge          -             401 403 200 403 403 403",
            "GET    /api/assignments/{read}/milestones           -             401 200 200 403 200 200",
            "POST   /api/assignments/{read}/milestones           late-milestone 401 403 400 403 403 400",
            "POST   /api/tasks/{task}/milestones                 late-milestone 401 403 403 403 403 400",
            "GET    /api/milestones/{milestone}                  -             401 200 200 403 200 200",
            "PUT    /api/milestones/{milestone}                  stale-milestone 401 403 403 403 403 412",
            "PUT    /api/milestones/{own-milestone}              stale-milestone 401 403 412 403 403 412",
            "DELETE /api/milestones/{milestone}                  stale         401 403 403 403 403 412",
            "POST   /api/milestones/{milestone}/complete         stale-complete 401 403 412 403 403 403",
    };

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (String line : MATRIX) {
            String[] cells = line.trim().split("\\s+");
            for (int i = 0; i < CALLERS.size(); i++) {
                rows.add(Arguments.of(cells[0], cells[1], cells[2], CALLERS.get(i), Integer.parseInt(cells[3 + i])));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} ({2}) as {3} → {4}")
    @MethodSource("matrix")
    void matrix(String method, String path, String body, String caller, int status) {
        Fixture f = Fixture.get();
        String url = path.replace("{plan}", Long.toString(f.plan)).replace("{task}", Long.toString(f.task))
                .replace("{read}", Long.toString(f.read)).replace("{submitted}", Long.toString(f.submitted))
                .replace("{progress}", Long.toString(f.progress)).replace("{extension}", Long.toString(f.extension))
                .replace("{request}", Long.toString(f.request)).replace("{milestone}", Long.toString(f.milestone))
                .replace("{own-milestone}", Long.toString(f.ownMilestone)).replace("{file}", Long.toString(f.file))
                .replace("{cited}", Long.toString(f.cited));
        RequestSpecification request = withBody(as(caller), body, f);
        ValidatableResponse response = request.when().request(method, url).then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
        if (status == 401) {
            response.header("WWW-Authenticate", startsWith("Bearer"));
        }
    }

    @ParameterizedTest(name = "{0} token → 401")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"forged", "expired"})
    void aBadTokenIsNoToken(String caller) {
        for (String path : List.of("/api/plans", "/api/assignments", "/api/sync/assignments")) {
            as(caller).when().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aTokenWithoutADubanRoleReadsNothing() {
        String nobody = TestTokens.token("nobody", List.of("default-roles-duban", "offline_access"), null);
        for (String path : List.of("/api/plans", "/api/tasks", "/api/assignments", "/api/plans/" + Fixture.get().plan + "/summary")) {
            given().auth().oauth2(nobody).when().get(path).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aUnitSeesItsOwnShareOfListsAndTheSummary() {
        Fixture f = Fixture.get();
        given().auth().oauth2(TestTokens.unit(WUHU)).queryParam("planId", f.plan).queryParam("size", 500)
                .when().get("/api/assignments").then().statusCode(200)
                .body("items.unitCode", everyItem(equalTo(WUHU)));
        given().auth().oauth2(TestTokens.unit(WUHU)).when().get("/api/tasks/" + f.task).then().statusCode(200)
                .body("assignments.unitCode", everyItem(equalTo(WUHU)));
        JsonPath own = given().auth().oauth2(TestTokens.unit(HEFEI)).when().get("/api/plans/" + f.plan + "/summary")
                .then().statusCode(200).body("units.unitCode", equalTo(List.of(HEFEI))).extract().jsonPath();
        JsonPath all = given().auth().oauth2(TestTokens.viewer()).when().get("/api/plans/" + f.plan + "/summary")
                .then().statusCode(200).extract().jsonPath();
        int hefeiTotal = all.getInt("units.find { it.unitCode == 'gov-340100' }.total");
        assertTrue(all.getList("units").size() > 1, "the office's summary has every unit");
        assertTrue(own.getInt("units[0].total") == hefeiTotal, "Hefei's own line is the same as in the full summary");
        assertTrue(own.getList("categories.total", Integer.class).stream().mapToInt(Integer::intValue).sum() == hefeiTotal,
                "the categories count Hefei's assignments only");
    }

    private static RequestSpecification withBody(RequestSpecification request, String body, Fixture f) {
        return switch (body) {
            case "-" -> request;
            case "plan-text" -> request.contentType("text/plain; charset=UTF-8").body(SamplePlan.text().getBytes(StandardCharsets.UTF_8));
            case "plan-file" -> request.multiPart("file", "plan.txt", SamplePlan.text().getBytes(StandardCharsets.UTF_8), "text/plain");
            case "start" -> transition(request, "IN_PROGRESS");
            case "complete" -> transition(request, "COMPLETED");
            case "return" -> transition(request, "IN_PROGRESS");
            case "progress" -> request.contentType(ContentType.JSON).body(Map.of("text", "已完成问题清单梳理", "percent", 40));
            case "extension" -> request.contentType(ContentType.JSON)
                    .body(Map.of("until", f.extensionDue.plusDays(60).toString(), "reason", "需协调多个部门"));
            case "resolve" -> request.contentType(ContentType.JSON).body(Map.of("unitCodes", List.of(HEFEI)));
            case "decision" -> request.contentType(ContentType.JSON).body(Map.of("approved", false, "note", "请按期完成"));
            case "late-milestone" -> request.contentType(ContentType.JSON).body(Map.of("title", "授权测试", "dueDate", "2099-12-31"));
            case "stale-milestone" -> request.contentType(ContentType.JSON).header("If-Match", "\"999\"")
                    .body(Map.of("title", "授权测试", "dueDate", "2022-10-01"));
            case "stale" -> request.header("If-Match", "\"999\"");
            case "stale-complete" -> request.contentType(ContentType.JSON).header("If-Match", "\"999\"").body(Map.of("note", "授权测试"));
            // a program renamed to .pdf: whoever may upload gets as far as the type check (415), and nothing is stored
            case "program" -> request.multiPart("file", "进展报告.pdf", new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, "application/pdf");
            default -> throw new IllegalArgumentException(body);
        };
    }

    /** A stale If-Match: whoever may make the move gets 412, whoever may not 403. */
    private static RequestSpecification transition(RequestSpecification request, String to) {
        return request.contentType(ContentType.JSON).header("If-Match", "\"999\"").body(Map.of("to", to, "note", "授权测试"));
    }

    static RequestSpecification as(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "forged" -> given().auth().oauth2(TestTokens.forged());
            case "expired" -> given().auth().oauth2(TestTokens.expired("office", List.of("admin")));
            case "viewer" -> given().auth().oauth2(TestTokens.viewer());
            case "own-unit" -> given().auth().oauth2(TestTokens.unit(HEFEI));
            case "other-unit" -> given().auth().oauth2(TestTokens.unit(WUHU));
            case "integrator" -> given().auth().oauth2(TestTokens.integrator());
            case "admin" -> given().auth().oauth2(TestTokens.admin());
            default -> throw new IllegalArgumentException(caller);
        };
    }

    /**
     * Five of Hefei's assignments in the sample plan that no other test touches: one only read (with two
     * milestones), one submitted, one for progress, one with an extension request pending, and one whose pending
     * request the office decides.
     */
    static final class Fixture {
        /** Task numbers other tests move or resolve. */
        private static final Set<Integer> TAKEN = Set.of(4, 7, 8, 14, 15, 16, 17, 19, 20, 22, 24, 39);
        private static Fixture instance;

        long plan;
        long task;
        long read;
        long submitted;
        long progress;
        long extension;
        LocalDate extensionDue;
        long request;
        /** On {@code read}: one set by the office, one planned by Hefei itself. */
        long milestone;
        long ownMilestone;
        long file;
        long cited;

        static synchronized Fixture get() {
            if (instance == null) {
                instance = new Fixture();
            }
            return instance;
        }

        private Fixture() {
            plan = SamplePlan.id();
            String office = TestTokens.admin();
            String hefei = TestTokens.unit(HEFEI);
            JsonPath mine = given().auth().oauth2(office).queryParam("planId", plan).queryParam("unit", HEFEI)
                    .queryParam("status", "NOT_STARTED").queryParam("sort", "-taskNumber").queryParam("size", 500)
                    .when().get("/api/assignments").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> free = new ArrayList<>();
            for (Map<String, Object> a : mine.<Map<String, Object>>getList("items")) {
                if (a.get("dueDate") != null && !TAKEN.contains((Integer) a.get("taskNumber"))) {
                    free.add(a);
                }
            }
            assertTrue(free.size() >= 5, "Hefei has five untouched assignments with a due date in the sample plan");
            read = id(free.get(0));
            task = ((Number) free.get(0).get("taskId")).longValue();
            submitted = id(free.get(1));
            progress = id(free.get(2));
            extension = id(free.get(3));
            extensionDue = LocalDate.parse((String) free.get(3).get("dueDate"));
            long decided = id(free.get(4));
            LocalDate decidedDue = LocalDate.parse((String) free.get(4).get("dueDate"));

            for (String to : List.of("IN_PROGRESS", "SUBMITTED")) {
                String version = given().auth().oauth2(hefei).when().get("/api/assignments/" + submitted)
                        .then().statusCode(200).extract().header("ETag");
                given().auth().oauth2(hefei).contentType(ContentType.JSON).header("If-Match", version)
                        .body(Map.of("to", to, "note", "授权测试准备")).when().post("/api/assignments/" + submitted + "/transitions")
                        .then().statusCode(200);
            }
            given().auth().oauth2(hefei).contentType(ContentType.JSON)
                    .body(Map.of("until", extensionDue.plusDays(30).toString(), "reason", "授权测试准备"))
                    .when().post("/api/assignments/" + extension + "/extension-requests").then().statusCode(201);
            file = given().auth().oauth2(hefei).multiPart("file", "report.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                    .when().post("/api/assignments/" + read + "/attachments").then().statusCode(201).extract().jsonPath().getLong("id");
            cited = given().auth().oauth2(hefei).multiPart("file", "photo.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))
                    .when().post("/api/assignments/" + progress + "/attachments").then().statusCode(201).extract().jsonPath().getLong("id");
            given().auth().oauth2(hefei).contentType(ContentType.JSON)
                    .body(Map.of("text", "授权测试准备", "attachmentIds", List.of(cited)))
                    .when().post("/api/assignments/" + progress + "/progress").then().statusCode(200);
            request = given().auth().oauth2(hefei).contentType(ContentType.JSON)
                    .body(Map.of("until", decidedDue.plusDays(30).toString(), "reason", "授权测试准备"))
                    .when().post("/api/assignments/" + decided + "/extension-requests").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            milestone = given().auth().oauth2(office).contentType(ContentType.JSON).body(Map.of("title", "授权测试准备", "dueDate", "2022-10-01"))
                    .when().post("/api/assignments/" + read + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
            ownMilestone = given().auth().oauth2(hefei).contentType(ContentType.JSON).body(Map.of("title", "授权测试准备", "dueDate", "2022-10-01"))
                    .when().post("/api/assignments/" + read + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
        }

        private static long id(Map<String, Object> assignment) {
            return ((Number) assignment.get("id")).longValue();
        }
    }
}
