package org.duban.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@link TaskAuthorizationTest}'s matrix for the relations delegation brings, with real signed tokens: Hefei's share of
 * task 24 (省财政厅、省民政厅、省农业农村厅牵头) delegated by Hefei to 肥西县 (the child) and to 瑶海区 (its sibling, whose
 * share is submitted). Callers: anonymous, viewer, integrator, admin, the delegating unit (合肥市), the child's own unit
 * (肥西县), the sibling (瑶海区), a lead unit of the task (省财政厅) and an unrelated unit (芜湖市).
 *
 * <p>As in the other matrix, writes a caller is allowed are sent so that they change nothing shared: a stale
 * {@code If-Match} (412), a unit outside the subtree (400), an extension beyond the parent's date (409), an assignment
 * that is no group (409). Urging is the exception: each allowed sender urges once (201), as each is its own sender.
 */
@QuarkusTest
class DelegationAuthorizationTest {

    private static final String HEFEI = "gov-340100";
    private static final String FEIXI = "gov-340123";
    private static final String YAOHAI = "gov-340102";
    private static final String LEAD = "ah-czt";
    private static final String WUHU = "gov-340200";
    private static final List<String> CALLERS = List.of("anonymous", "viewer", "integrator", "admin", "delegator", "child",
            "sibling", "lead", "unrelated");

    private static final String[] MATRIX = {
            "GET  /api/assignments/{child}                       -          401 200 200 200 200 200 403 200 403",
            "GET  /api/assignments/{child}/history               -          401 200 200 200 200 200 403 200 403",
            "GET  /api/assignments/{child}/milestones            -          401 200 200 200 200 200 403 200 403",
            "GET  /api/assignments/{child}/attachments           -          401 200 200 200 200 200 403 200 403",
            "GET  /api/assignments/{child}/children              -          401 200 200 200 200 200 403 200 403",
            "GET  /api/assignments/{child}/extension-requests    -          401 200 200 200 200 200 403 200 403",
            "GET  /api/assignments/{share}/children              -          401 200 200 200 200 403 403 200 403",
            "POST /api/assignments/{child}/transitions           start      401 403 403 403 403 412 403 403 403",
            "POST /api/assignments/{submitted}/transitions       complete   401 403 403 412 412 403 403 403 403",
            "POST /api/assignments/{submitted}/transitions       return     401 403 403 412 412 403 403 403 403",
            "POST /api/assignments/{child}/acknowledge           -          401 403 403 403 403 200 403 403 403",
            "POST /api/assignments/{share}/delegations           outside    401 403 403 403 400 403 403 403 403",
            "POST /api/assignments/{child}/delegations           outside    401 403 403 403 403 400 403 403 403",
            "POST /api/assignments/{child}/resolve               resolve    401 403 403 409 409 403 403 403 403",
            "POST /api/assignments/{child}/urge                  urge       401 403 403 201 201 403 403 201 403",
            "POST /api/assignments/{share}/urge                  urge       401 403 403 201 403 403 403 201 403",
            "POST /api/extension-requests/{request}/decision     beyond     401 403 403 409 409 403 403 403 403",
            "GET  /api/extension-requests                        -          401 200 200 200 200 200 200 200 200",
            "GET  /api/tasks/{task}/assignments                  -          401 200 200 200 200 200 200 200 200",
            "GET  /api/assignments?supervisedBy=gov-340100       -          401 200 200 200 200 200 200 200 200",
            "GET  /api/assignments?parentId={share}              -          401 200 200 200 200 200 200 200 200",
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
        String url = path.replace("{child}", Long.toString(f.child)).replace("{share}", Long.toString(f.share))
                .replace("{submitted}", Long.toString(f.submitted)).replace("{request}", Long.toString(f.request))
                .replace("{task}", Long.toString(f.task));
        ValidatableResponse response = withBody(as(caller), body).when().request(method, url).then().statusCode(status);
        if (status >= 400) {
            response.contentType("application/problem+json").body("status", equalTo(status));
        }
    }

    private static RequestSpecification withBody(RequestSpecification request, String body) {
        return switch (body) {
            case "-" -> request;
            case "start" -> transition(request, "IN_PROGRESS");
            case "complete" -> transition(request, "COMPLETED");
            case "return" -> transition(request, "IN_PROGRESS");
            case "outside" -> request.contentType(ContentType.JSON)
                    .body(Map.of("items", List.of(Map.of("unitCode", WUHU, "role", "RESPONSIBLE"))));
            case "resolve" -> request.contentType(ContentType.JSON).body(Map.of("unitCodes", List.of(FEIXI)));
            case "urge" -> request.contentType(ContentType.JSON).body(Map.of("message", "请抓紧推进并报送进展"));
            case "beyond" -> request.contentType(ContentType.JSON).body(Map.of("approved", true, "note", "同意"));
            default -> throw new IllegalArgumentException(body);
        };
    }

    private static RequestSpecification transition(RequestSpecification request, String to) {
        return request.contentType(ContentType.JSON).header("If-Match", "\"999\"").body(Map.of("to", to, "note", "授权测试"));
    }

    private static RequestSpecification as(String caller) {
        return switch (caller) {
            case "anonymous" -> given();
            case "viewer" -> given().auth().oauth2(TestTokens.viewer());
            case "integrator" -> given().auth().oauth2(TestTokens.integrator());
            case "admin" -> given().auth().oauth2(TestTokens.admin());
            case "delegator" -> given().auth().oauth2(TestTokens.unit(HEFEI));
            case "child" -> given().auth().oauth2(TestTokens.unit(FEIXI));
            case "sibling" -> given().auth().oauth2(TestTokens.unit(YAOHAI));
            case "lead" -> given().auth().oauth2(TestTokens.unit(LEAD));
            case "unrelated" -> given().auth().oauth2(TestTokens.unit(WUHU));
            default -> throw new IllegalArgumentException(caller);
        };
    }

    /** Hefei's share of task 24, delegated to Feixi (untouched but for a pending extension) and Yaohai (submitted). */
    static final class Fixture {
        private static Fixture instance;
        long task;
        long share;
        long child;
        long submitted;
        long request;

        static synchronized Fixture get() {
            if (instance == null) {
                instance = new Fixture();
            }
            return instance;
        }

        private Fixture() {
            share = SamplePlan.assignment(24, HEFEI);
            task = given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + share).then().statusCode(200)
                    .extract().jsonPath().getLong("taskId");
            String hefei = TestTokens.unit(HEFEI);
            var children = given().auth().oauth2(hefei).contentType(ContentType.JSON)
                    .body(Map.of("items", List.of(Map.of("unitCode", FEIXI, "role", "RESPONSIBLE", "dueDate", "2022-11-30"),
                            Map.of("unitCode", YAOHAI, "role", "RESPONSIBLE"))))
                    .when().post("/api/assignments/" + share + "/delegations").then().statusCode(201).extract().jsonPath();
            child = children.getLong("[0].id");
            submitted = children.getLong("[1].id");
            String yaohai = TestTokens.unit(YAOHAI);
            for (String to : List.of("IN_PROGRESS", "SUBMITTED")) {
                String etag = given().auth().oauth2(yaohai).when().get("/api/assignments/" + submitted).then().statusCode(200)
                        .extract().header("ETag");
                given().auth().oauth2(yaohai).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("to", to))
                        .when().post("/api/assignments/" + submitted + "/transitions").then().statusCode(200);
            }
            request = given().auth().oauth2(TestTokens.unit(FEIXI)).contentType(ContentType.JSON)
                    .body(Map.of("until", "2023-06-30", "reason", "授权测试准备"))
                    .when().post("/api/assignments/" + child + "/extension-requests").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
        }
    }
}
