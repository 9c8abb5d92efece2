package org.duban.reminder.replica;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.duban.reminder.Rows;
import org.duban.reminder.Upstream;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the real task-service publishes when a unit signs for its work and the office sets, moves and the unit
 * completes a milestone reaches reminder-service's copy: the signature, the milestone and its state.
 */
@QuarkusTest
class SignForAndMilestoneReplicaTest {

    @Inject
    Rows rows;

    @Test
    void theCopyKnowsWhatIsSignedForAndWhichMilestonesAreOpen() {
        long plan = Upstream.importSamplePlan("皖政务办〔2022〕938号");
        Map<String, Long> task40 = Upstream.assignments(plan, 40);
        long hefei = task40.get("gov-340100");
        long wuhu = task40.get("gov-340200");
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count(
                "SELECT count(*) FROM assignment_copy WHERE id IN (?1, ?2) AND acknowledged_at IS NULL", hefei, wuhu) == 2);

        Upstream.tasks(TestTokens.unit("gov-340100")).when().post("/api/assignments/" + hefei + "/acknowledge").then().statusCode(200);
        long milestone = Upstream.tasks(TestTokens.admin()).body(Map.of("title", "完成回头看自查", "dueDate", "2022-06-20"))
                .when().post("/api/assignments/" + wuhu + "/milestones").then().statusCode(201).extract().jsonPath().getLong("id");
        Upstream.tasks(TestTokens.admin()).header("If-Match", "\"0\"").body(Map.of("title", "完成回头看自查", "dueDate", "2022-06-24"))
                .when().put("/api/milestones/" + milestone).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count(
                "SELECT count(*) FROM milestone_copy WHERE id = ?1 AND assignment_id = ?2 AND due_date = DATE '2022-06-24' "
                        + "AND status = 'OPEN' AND active AND version = 1", milestone, wuhu) == 1);
        assertEquals(1, rows.count("SELECT count(*) FROM assignment_copy WHERE id = ?1 AND acknowledged_at IS NOT NULL", hefei));
        assertEquals(1, rows.count("SELECT count(*) FROM assignment_copy WHERE id = ?1 AND acknowledged_at IS NULL", wuhu));

        Upstream.tasks(TestTokens.unit("gov-340200")).body(Map.of("note", "自查报告已报送"))
                .when().post("/api/milestones/" + milestone + "/complete").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count(
                "SELECT count(*) FROM milestone_copy WHERE id = ?1 AND status = 'DONE' AND active", milestone) == 1);
        Upstream.tasks(TestTokens.admin()).header("If-Match", "\"2\"").when().delete("/api/milestones/" + milestone).then().statusCode(204);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows.count(
                "SELECT count(*) FROM milestone_copy WHERE id = ?1 AND NOT active", milestone) == 1);
    }
}
