package org.duban.systemtest;

import org.duban.testsupport.SamplePlans;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console (督办台) in Chromium, through the real Keycloak login page and the gateway of the whole stack:
 * the office imports the sample plan after a preview and reads the supervision board; Hefei sees only its own
 * work, reports progress, submits and asks for an extension; the office approves the submission and grants the
 * extension. Every page is kept as a screenshot under target/screenshots. The board's time from navigation to
 * interactive is measured and printed (target: 1 s).
 */
@ExtendWith(StackLogsOnFailure.class)
class ConsoleStoryTest {

    /** A failed story leaves a screenshot of where it stood and what the page logged. */
    @RegisterExtension
    static final TestWatcher PAGE_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                System.err.println("Console: the page at " + Browser.get().getCurrentUrl() + " when " + context.getDisplayName()
                        + " failed: " + Browser.screenshot("failed-" + context.getRequiredTestMethod().getName())
                        + "\n" + Browser.consoleLog());
            } catch (RuntimeException e) {
                System.err.println("Console: no screenshot of the failure: " + e);
            }
        }
    };

    private static final String HEFEI = "gov-340100";
    private static String gateway;
    private static long planId;

    @BeforeAll
    static void stackAndBrowser() {
        gateway = SystemStack.get().gateway();
        ConsoleClient.admit(gateway);
        Browser.get();
    }

    /** Each story starts signed out, whatever the one before left behind. */
    @BeforeEach
    void signedOut() {
        Browser.get().get(gateway + "/");
        Browser.await(Duration.ofSeconds(30)).until(d -> !Browser.all("#username").isEmpty() || !Browser.all("[data-test=who]").isEmpty());
        if (Browser.all("#username").isEmpty()) {
            signOut();
        }
    }

    @Test
    void theOfficeImportsThePlanAfterAPreviewAndReadsTheBoard() throws IOException {
        importThroughTheConsole();
        signIn("office");

        // the board of the sample plan: every government and department with its share, in three colours
        long cold = boardInteractiveAfter();
        long warm = boardInteractiveAfter();
        int rows = Browser.all("table[data-test=board] tbody tr").size();
        System.out.printf("Console: the board of the sample plan (%d units) was interactive %d ms after navigation (first visit), %d ms (again)%n",
                rows, cold, warm);
        assertTrue(rows >= 121, "every government is on the board, and the departments: " + rows);
        WebElement hefei = Browser.visible("tr[data-unit=" + HEFEI + "]");
        assertTrue(hefei.getText().contains("合肥市人民政府"));
        assertTrue(List.of("red", "yellow", "green").contains(hefei.getDomAttribute("data-colour")));
        assertFalse(Browser.all("tr[data-colour=red]").isEmpty(), "as of 2022-07-05 some shares of tasks due by 2022-06-30 are overdue");
        Browser.visible(".charts canvas");
        Browser.screenshot("03-office-board");
        assertTrue(warm < 5_000, "the board took " + warm + " ms");

        Browser.get().get(gateway + "/plans");
        Browser.visible("[data-test=plans] .el-table__row");
        Browser.screenshot("04-office-plans");
        signOut();
    }

    @Test
    void hefeiReportsAndSubmitsAndTheOfficeApprovesAndGrantsAnExtension() throws IOException {
        importThroughTheConsole();
        Map<String, Long> task39 = SamplePlan.taskOf(planId, 39);
        Map<String, Long> task4 = SamplePlan.taskOf(planId, 4);
        long submitted = task39.get(HEFEI);
        long extended = task4.get(HEFEI); // due 2022-12-31 (task 1 is ongoing work, without a date to extend)

        // a week before task 39 is due, the reminders reach Hefei's inbox
        await("reminder-service has the plan and runs").atMost(Duration.ofSeconds(120)).until(() -> Gateway.as(Users.office())
                .queryParam("at", "2022-06-23T09:00:00+08:00").when().post("/api/reminders/run").then().extract().statusCode() == 200);
        long unread = ((Number) Gateway.json(Gateway.as(Users.hefei()).queryParam("unread", "true").queryParam("size", 1)
                .when().get("/api/notifications").then().statusCode(200).extract().asByteArray()).get("total")).longValue();
        assertTrue(unread > 0, "Hefei was reminded of task 39");

        signIn("hefei");
        Browser.waitForText("[data-test=unread]", String.valueOf(unread));
        Browser.get().get(gateway + "/inbox");
        Browser.waitForText("[data-test=inbox]", "临期提醒");
        Browser.screenshot("05-hefei-inbox");
        Browser.click(Browser.clickable("[data-test=inbox] button[data-test=read]"));
        Browser.waitForText("[data-test=unread]", String.valueOf(unread - 1));

        Browser.get().get(gateway + "/my-tasks");
        Browser.visible("[data-test=my-tasks] a[data-assignment]");
        Browser.waitForText("[data-test=who]", "合肥市人民政府");
        long hefeisTasks = ((Number) Gateway.json(Gateway.as(Users.hefei()).queryParam("unit", HEFEI).queryParam("size", 1)
                .when().get("/api/tasks").then().statusCode(200).extract().asByteArray()).get("total")).longValue();
        Browser.waitForText(".el-pagination__total", String.valueOf(hefeisTasks));
        for (WebElement link : Browser.all("[data-test=my-tasks] a[data-assignment]")) {
            long id = Long.parseLong(link.getDomAttribute("data-assignment"));
            assertEquals(HEFEI, Gateway.as(Users.office()).when().get("/api/assignments/" + id).then().statusCode(200)
                    .extract().path("unitCode"), "Hefei's list shows Hefei's own shares only");
        }
        Browser.screenshot("06-hefei-task-list");
        Browser.size(Browser.PHONE);
        Browser.get().navigate().refresh();
        Browser.visible("[data-test=my-tasks] a[data-assignment]");
        Browser.screenshot("07-hefei-task-list-phone");
        Browser.size(Browser.DESKTOP);
        // English on the switch, and back
        Browser.click(Browser.clickable("[data-test=language]"));
        Browser.waitForText(".menu", "Task list");
        Browser.click(Browser.clickable("[data-test=language]"));
        Browser.waitForText(".menu", "任务清单");

        // another unit's share stays closed to Hefei
        Browser.get().get(gateway + "/assignments/" + task39.get("gov-340200"));
        Browser.visible(".el-message--error");
        assertTrue(Browser.all("[data-test=assignment]").isEmpty(), "Wuhu's share is not shown to Hefei");

        // start, report progress, submit
        Browser.get().get(gateway + "/assignments/" + submitted);
        Browser.visible("[data-test=assignment][data-status=NOT_STARTED]");
        act("start", "已启动排查整改");
        Browser.visible("[data-test=assignment][data-status=IN_PROGRESS]");
        Browser.click(Browser.clickable("button[data-test=report]"));
        Browser.shown(".el-dialog textarea").sendKeys("已完成问题清单梳理，正在逐项整改");
        WebElement percent = Browser.shown(".el-dialog .el-input-number input");
        percent.sendKeys(Keys.chord(Keys.CONTROL, "a"), "40", Keys.TAB);
        Browser.click(Browser.shown("button[data-test=confirm]"));
        Browser.waitForText("[data-test=history]", "已完成问题清单梳理");
        Browser.waitForText("[data-test=history]", "40%");
        Browser.screenshot("08-hefei-assignment-progress");
        act("submit", "已按要求完成整改并公开");
        Browser.visible("[data-test=assignment][data-status=SUBMITTED]");
        Browser.screenshot("09-hefei-assignment-submitted");
        assertEquals("SUBMITTED", Gateway.as(Users.hefei()).when().get("/api/assignments/" + submitted).then().statusCode(200).extract().path("status"));

        // an extension of another share
        String until = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(2).toString();
        Browser.get().get(gateway + "/assignments/" + extended);
        Browser.click(Browser.clickable("button[data-test=extension]"));
        WebElement date = Browser.shown(".el-dialog .el-date-editor input");
        date.sendKeys(until, Keys.ENTER);
        Browser.shown(".el-dialog textarea").sendKeys("涉及跨部门数据对接，需延期办理");
        Browser.click(Browser.shown("button[data-test=confirm]"));
        Browser.waitForText("body", "待审批");
        Browser.screenshot("10-hefei-extension-requested");
        signOut();

        // the office approves the submission and grants the extension
        signIn("office");
        Browser.get().get(gateway + "/queue");
        WebElement approve = Browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//tr[.//a[@data-unit='" + HEFEI + "']]//button[@data-test='approve']")));
        Browser.screenshot("11-office-queue");
        Browser.click(approve);
        Browser.shown(".el-dialog textarea").sendKeys("经审核，符合办结要求");
        Browser.click(Browser.clickable("button[data-test=confirm-review]"));
        Browser.visible(".el-message--success");
        assertEquals("COMPLETED", Gateway.as(Users.office()).when().get("/api/assignments/" + submitted).then().statusCode(200).extract().path("status"));

        Browser.click(Browser.clickable("#tab-extensions"));
        Browser.click(Browser.clickable("[data-test=extensions] button[data-test=decide]"));
        Browser.shown(".el-dialog textarea").sendKeys("同意延期，请抓紧办理");
        Browser.screenshot("12-office-extension-decision");
        Browser.click(Browser.clickable("button[data-test=confirm-decision]"));
        Browser.visible(".el-message--success");
        assertEquals(until, Gateway.as(Users.office()).when().get("/api/assignments/" + extended).then().statusCode(200).extract().path("dueDate"),
                "the granted extension moved the due date");

        // the task with every unit's share, the plan's tasks, the reminder settings
        long task = ((Number) Gateway.as(Users.office()).when().get("/api/assignments/" + submitted).then().statusCode(200)
                .extract().path("taskId")).longValue();
        Browser.get().get(gateway + "/tasks/" + task);
        Browser.waitForText("body", "已办结");
        Browser.screenshot("13-office-task");
        Browser.get().get(gateway + "/plans/" + planId + "/tasks");
        Browser.visible(".el-table__row");
        Browser.screenshot("14-office-plan-tasks");
        Browser.get().get(gateway + "/reminders");
        Browser.visible(".el-calendar");
        Browser.screenshot("15-office-reminders");
        signOut();
    }

    /** The sample plan through the import page: drop the file, read the preview, import. Once per JVM. */
    private static synchronized void importThroughTheConsole() throws IOException {
        if (planId != 0) {
            return;
        }
        Path file = Files.createDirectories(Path.of("target", "console")).resolve("anhui-2022-disclosure-plan.txt");
        Files.write(file, SamplePlans.anhui2022());

        Browser.visible("#username");
        Browser.screenshot("00-keycloak-login");
        signIn("office");
        Browser.get().get(gateway + "/plans/import");
        WebElement input = Browser.await(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input.el-upload__input")));
        Browser.script("arguments[0].style.display = 'block';", input);
        input.sendKeys(file.toAbsolutePath().toString());
        Browser.waitForText("[data-test=preview-tasks]", "44");
        Browser.visible("[data-test=preview-table] .el-table__row");
        Browser.screenshot("01-office-import-preview");
        assertTrue(Gateway.all(Users.office(), "/api/plans", Map.of()).isEmpty(), "the preview stored nothing");
        String previewed = Browser.visible("[data-test=preview-assignments]").getText();

        Browser.click(Browser.clickable("button[data-test=commit]"));
        Browser.visible("[data-test=imported]");
        Browser.screenshot("02-office-imported");
        List<Map<String, Object>> plans = Gateway.all(Users.office(), "/api/plans", Map.of());
        assertEquals(1, plans.size());
        planId = Gateway.id(plans.get(0));
        long stored = ((Number) Gateway.json(Gateway.as(Users.office()).queryParam("planId", planId).queryParam("size", 1)
                .when().get("/api/assignments").then().statusCode(200).extract().asByteArray()).get("total")).longValue();
        assertEquals(previewed, String.valueOf(stored), "the preview said how many assignments the import stores");
        signOut();
    }

    /** Milliseconds from navigating to the board until its matrix is on the page with its data. */
    private static long boardInteractiveAfter() {
        long begin = System.nanoTime();
        Browser.get().get(gateway + "/plans/" + planId + "/board?asOf=2022-07-05");
        Browser.await(Duration.ofSeconds(30)).until(d -> Browser.all(".board[data-ready=true] table[data-test=board] tbody tr").size() > 0);
        return (System.nanoTime() - begin) / 1_000_000;
    }

    private static void act(String button, String note) {
        Browser.click(Browser.clickable("button[data-test=" + button + "]"));
        Browser.shown(".el-dialog textarea").sendKeys(note);
        Browser.click(Browser.shown("button[data-test=confirm]"));
    }

    /** The real Keycloak login page: the console sends the browser there and back (authorization code + PKCE). */
    private static void signIn(String user) {
        if (!Browser.get().getCurrentUrl().startsWith(SystemStack.get().keycloak.url())) {
            Browser.get().get(gateway + "/");
        }
        Browser.visible("#username").sendKeys(user);
        Browser.visible("#password").sendKeys(user);
        Browser.click(Browser.clickable("#kc-login"));
        Browser.visible("[data-test=who]");
        assertTrue(Browser.get().getCurrentUrl().startsWith(gateway), Browser.get().getCurrentUrl());
    }

    private static void signOut() {
        Browser.click(Browser.clickable("[data-test=logout]"));
        Browser.visible("#username");
    }
}
