package org.duban.reminder.channel;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.duban.reminder.engine.DigestDispatcher;
import org.duban.reminder.engine.ReminderKind;
import org.duban.reminder.inbox.Notification;
import org.duban.reminder.webhook.MutableClock;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/**
 * What the channel tests share: the local platforms, channels made through the API as the unit's staff
 * would, and digests made the way a reminder run makes them — notifications in the inbox, then the
 * dispatcher. Everything a test creates is removed after it.
 */
abstract class ChannelScenario {

    private static final AtomicLong ASSIGNMENTS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);
    private static final AtomicLong UNITS = new AtomicLong(System.nanoTime() % 100_000);

    @Inject
    MutableClock clock;

    @Inject
    DigestDispatcher dispatcher;

    @Inject
    ChannelDeliveryWorker worker;

    final PlatformReceiver platforms = Platforms.receiver();
    private final List<Long> created = new ArrayList<>();

    @BeforeEach
    void platformClock() {
        platforms.clock(clock::instant);
    }

    @AfterEach
    void removeWhatTheTestMade() {
        created.forEach(id -> given().auth().oauth2(TestTokens.admin()).delete("/api/channels/{id}", id));
        created.clear();
    }

    static String freshUnit() {
        return "ch-unit-" + UNITS.incrementAndGet();
    }

    static String freshToken() {
        return "t" + Long.toHexString(System.nanoTime()) + Long.toHexString(ASSIGNMENTS.incrementAndGet());
    }

    /** Creates a channel as the unit's own staff; returns its id. */
    long channel(String unit, Map<String, Object> body) {
        Map<String, Object> request = new HashMap<>(body);
        long id = given().auth().oauth2(TestTokens.unit(unit)).contentType(ContentType.JSON).body(request)
                .when().post("/api/channels")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        created.add(id);
        return id;
    }

    /** Removes the channel {@code id}, made some other way than {@link #channel}, after the test. */
    void adopt(long id) {
        created.add(id);
    }

    static JsonPath get(long channelId) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/channels/{id}", channelId)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath deliveries(long channelId) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("size", 500)
                .get("/api/channels/{id}/deliveries", channelId).then().statusCode(200).extract().jsonPath();
    }

    /** Leaves {@code count} notifications of {@code kind} in the unit's inbox (as a run does) and dispatches them. */
    void digest(String unit, ReminderKind kind, int count) {
        notifications(unit, kind, count);
        dispatcher.dispatchPending();
    }

    void notifications(String unit, ReminderKind kind, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            for (int i = 0; i < count; i++) {
                Notification n = new Notification();
                n.unitCode = unit;
                n.assignmentId = ASSIGNMENTS.incrementAndGet();
                n.planId = 1L;
                n.taskNumber = 39;
                n.kind = kind;
                n.occasion = today;
                n.dueDate = today;
                n.title = "第39项任务" + (kind == ReminderKind.OVERDUE ? "已逾期" : "即将到期") + "（第" + (i + 1) + "条）";
                n.body = "推进政务公开标准化规范化建设，年底前完成基层政务公开标准目录的梳理和更新，请按期办结并报送进展。";
                n.createdAt = clock.instant();
                n.persist();
            }
        });
    }
}
