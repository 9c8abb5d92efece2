package org.duban.reminder.channel;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.duban.reminder.SmtpServer;
import org.duban.reminder.engine.ReminderKind;
import org.duban.reminder.inbox.Notification;
import org.duban.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a unit's group chats and phones receive: a digest arrives once on each of its channels in the
 * platform's shape, signed so that the platform's own check passes, with links to the console; long
 * digests in numbered parts within the limits; platform refusals retried, and a channel that keeps
 * failing disabled with a notice in the inbox until it is enabled again.
 */
@QuarkusTest
@TestProfile(ChannelTestProfile.class)
class ChannelDeliveryTest extends ChannelScenario {

    @Test
    void aDigestReachesEveryChannelOfTheUnitOnceInEachPlatformsShape() throws Exception {
        String unit = freshUnit();
        String wecomKey = freshToken();
        String dingToken = freshToken();
        String feishuToken = freshToken();
        String dingSecret = "SEC" + freshToken();
        String feishuSecret = "fs" + freshToken();
        platforms.signed(dingToken, dingSecret).signed(feishuToken, feishuSecret);
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
        long wecom = channel(unit, Map.of("type", "WECOM", "target", platforms.wecomUrl(wecomKey)));
        long ding = channel(unit, Map.of("type", "DINGTALK", "target", platforms.dingtalkUrl(dingToken), "secret", dingSecret));
        long feishu = channel(unit, Map.of("type", "FEISHU", "target", platforms.feishuUrl(feishuToken), "secret", feishuSecret));
        long sms = channel(unit, Map.of("type", "SMS", "target", "+86 " + phone));
        String extra = unit + "-leader@ah.gov.cn";
        long email = channel(unit, Map.of("type", "EMAIL", "target", extra));

        digest(unit, ReminderKind.OVERDUE, 2);

        await().atMost(Duration.ofSeconds(15)).until(() -> platforms.accepted(wecomKey).size() == 1
                && platforms.accepted(dingToken).size() == 1 && platforms.accepted(feishuToken).size() == 1
                && platforms.accepted(phone).size() == 1 && mailsTo(extra) == 1);

        JsonNode wecomMessage = platforms.accepted(wecomKey).get(0).json();
        assertEquals("markdown", wecomMessage.get("msgtype").asText());
        String content = wecomMessage.at("/markdown/content").asText();
        assertTrue(content.contains("2项督办事项需要关注"), content);
        assertTrue(content.contains("【已逾期】第39项任务已逾期（第1条）"), content);
        assertTrue(content.contains("](https://duban.ah.gov.cn/assignments/"), "links to the assignment's page: " + content);

        PlatformReceiver.Received dingRequest = platforms.accepted(dingToken).get(0);
        assertTrue(dingRequest.query().contains("&timestamp=") && dingRequest.query().contains("&sign="), dingRequest.query());
        assertEquals("markdown", dingRequest.json().get("msgtype").asText());
        assertTrue(dingRequest.json().at("/markdown/title").asText().contains("2项督办事项"));

        JsonNode card = platforms.accepted(feishuToken).get(0).json();
        assertEquals("interactive", card.get("msg_type").asText());
        assertTrue(card.at("/card/header/title/content").asText().contains("2项督办事项需要关注"));
        assertTrue(card.at("/card/elements/0/content").asText().contains("【已逾期】"));

        String form = platforms.accepted(phone).get(0).body();
        assertTrue(form.contains("TemplateCode=SMS_460785123"), form);
        String templateParam = java.net.URLDecoder.decode(PlatformReceiver.param(form, "TemplateParam"), StandardCharsets.UTF_8);
        assertEquals(Map.of("unit", unit, "count", "2", "summary", "已逾期2项"),
                PlatformReceiver.JSON.readValue(templateParam, Map.class));

        for (long id : List.of(wecom, ding, feishu, sms, email)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(deliveries(id).getString("items[0].status")));
            JsonPath log = deliveries(id);
            assertEquals(1, log.getInt("total"), "one delivery on channel " + id);
            assertEquals(1, log.getInt("items[0].attempts"));
            assertTrue(log.getString("items[0].messageId").startsWith("digest-"));
        }

        // dispatching again finds nothing new: no channel hears of it twice
        dispatcher.dispatchPending();
        worker.kick();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> platforms.received(wecomKey).size() == 1
                && platforms.received(dingToken).size() == 1 && platforms.received(feishuToken).size() == 1
                && platforms.received(phone).size() == 1 && mailsTo(extra) == 1);
    }

    @Test
    void aChannelTakesOnlyTheKindsItAskedFor() {
        String unit = freshUnit();
        String onlyOverdue = freshToken();
        String all = freshToken();
        channel(unit, Map.of("type", "WECOM", "target", platforms.wecomUrl(onlyOverdue), "kinds", List.of("OVERDUE", "ESCALATION")));
        channel(unit, Map.of("type", "WECOM", "target", platforms.wecomUrl(all)));

        notifications(unit, ReminderKind.DUE_SOON, 3);
        notifications(unit, ReminderKind.OVERDUE, 1);
        dispatcher.dispatchPending();

        await().atMost(Duration.ofSeconds(10)).until(() -> platforms.accepted(all).size() == 1 && platforms.accepted(onlyOverdue).size() == 1);
        String filtered = platforms.accepted(onlyOverdue).get(0).json().at("/markdown/content").asText();
        assertTrue(filtered.contains("1项督办事项需要关注") && !filtered.contains("即将到期"), filtered);
        assertTrue(platforms.accepted(all).get(0).json().at("/markdown/content").asText().contains("4项督办事项需要关注"));

        // a digest of only kinds it did not ask for does not reach it at all
        digest(unit, ReminderKind.DUE_SOON, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> platforms.accepted(all).size() == 2);
        assertEquals(1, platforms.received(onlyOverdue).size());
    }

    @Test
    void aLongDigestGoesInNumberedPartsWithinWeComsLimitAndNothingIsLeftOut() {
        String unit = freshUnit();
        String key = freshToken();
        long id = channel(unit, Map.of("type", "WECOM", "target", platforms.wecomUrl(key)));

        digest(unit, ReminderKind.OVERDUE, 40);

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(id).getList("items.status").stream().allMatch("DELIVERED"::equals)
                && deliveries(id).getInt("total") > 1);
        List<PlatformReceiver.Received> parts = platforms.accepted(key);
        int n = parts.size();
        assertTrue(n > 1, "40 items do not fit 4096 bytes: " + n + " part(s)");
        StringBuilder all = new StringBuilder();
        for (int p = 0; p < n; p++) {
            String content = parts.get(p).json().at("/markdown/content").asText();
            assertTrue(content.getBytes(StandardCharsets.UTF_8).length <= 4096, "part " + (p + 1) + " within 4096 bytes");
            assertTrue(content.contains("40项督办事项需要关注（" + (p + 1) + "/" + n + "）"), "numbered in order: " + content);
            all.append(content);
        }
        for (int i = 1; i <= 40; i++) {
            assertTrue(all.toString().contains("第39项任务已逾期（第" + i + "条）"), "item " + i + " is in one of the parts");
        }
    }

    @Test
    void aRefusalIsRetriedAndAChannelThatKeepsFailingIsDisabledWithANoticeUntilEnabled() {
        String unit = freshUnit();
        String token = freshToken();
        String healthy = freshToken();
        long id = channel(unit, Map.of("type", "DINGTALK", "target", platforms.dingtalkUrl(token)));
        long other = channel(unit, Map.of("type", "WECOM", "target", platforms.wecomUrl(healthy)));

        // one refusal (130101 send too fast), then accepted
        platforms.failing(token, "130101");
        digest(unit, ReminderKind.OVERDUE, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> platforms.accepted(token).size() == 1);
        JsonPath log = deliveries(id);
        assertEquals(2, log.getInt("items[0].attempts"));
        assertEquals("errcode 130101: send too fast", log.getString("items[0].attemptLog[0].error"));
        assertEquals(200, log.getInt("items[0].attemptLog[0].statusCode"), "the platform answered 200 and still refused");
        assertEquals(0, get(id).getInt("consecutiveFailures"));

        // three refusals in a row: disabled, the other channel unaffected, a notice in the inbox
        platforms.failing(token, "130101", "130101", "130101", "130101");
        digest(unit, ReminderKind.OVERDUE, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !get(id).getBoolean("enabled"));
        JsonPath disabled = get(id);
        assertTrue(disabled.getString("disabledReason").contains("3 attempts in a row failed"), disabled.getString("disabledReason"));
        assertEquals("FAILED", deliveries(id).getString("items[0].status"));
        await().atMost(Duration.ofSeconds(10)).until(() -> platforms.accepted(healthy).size() == 2);
        List<Notification> notices = QuarkusTransaction.requiringNew().call(() ->
                Notification.<Notification>list("unitCode = ?1 and kind = ?2", unit, ReminderKind.CHANNEL_DISABLED));
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).title.contains("钉钉群机器人已停用"), notices.get(0).title);

        // nothing is queued for it while disabled (the notice itself goes out on the healthy channel)
        int before = platforms.received(token).size();
        dispatcher.dispatchPending();
        digest(unit, ReminderKind.OVERDUE, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> platforms.accepted(healthy).size() == 4);
        assertEquals(before, platforms.received(token).size());

        // enabled again: the next digest reaches it
        given().auth().oauth2(TestTokens.unit(unit)).post("/api/channels/{id}/enable", id)
                .then().statusCode(200);
        JsonPath enabled = get(id);
        assertTrue(enabled.getBoolean("enabled"));
        assertNull(enabled.get("disabledReason"));
        assertEquals(0, enabled.getInt("consecutiveFailures"));
        digest(unit, ReminderKind.OVERDUE, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> platforms.accepted(token).size() == 2);
        assertFalse(deliveries(other).getList("items.status").contains("FAILED"));
    }

    @Test
    void aWrongSecretIsRefusedByThePlatformAndTheTestEndpointSaysSo() {
        String unit = freshUnit();
        String token = freshToken();
        platforms.signed(token, "SECright" + token);
        long wrong = channel(unit, Map.of("type", "FEISHU", "target", platforms.feishuUrl(token), "secret", "SECwrong" + token));

        JsonPath test = given().auth().oauth2(TestTokens.unit(unit)).post("/api/channels/{id}/test", wrong)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("FAILED", test.getString("status"));
        assertTrue(test.getBoolean("test"));
        assertTrue(test.getString("lastError").startsWith("code 19021: sign match fail"), test.getString("lastError"));
        assertEquals(0, get(wrong).getInt("consecutiveFailures"), "a test counts for nothing towards disabling");

        String good = freshToken();
        platforms.signed(good, "SECright" + good);
        long right = channel(unit, Map.of("type", "FEISHU", "target", platforms.feishuUrl(good), "secret", "SECright" + good));
        JsonPath ok = given().auth().oauth2(TestTokens.unit(unit)).post("/api/channels/{id}/test", right)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("DELIVERED", ok.getString("status"));
        assertTrue(platforms.accepted(good).get(0).json().at("/card/header/title/content").asText().contains("测试消息"));
        assertEquals(1, deliveries(right).getInt("total"), "the test is in the delivery log");
    }

    @Test
    void whatFallsInTheQuietHoursGoesAtTheirEnd() {
        String unit = freshUnit();
        String key = freshToken();
        java.time.LocalTime local = java.time.LocalTime.ofInstant(clock.instant(), QuietHours.ZONE);
        java.time.LocalTime start = local.minusHours(1).withSecond(0).withNano(0);
        java.time.LocalTime end = local.plusHours(2).withSecond(0).withNano(0);
        String quiet = String.format("%02d:%02d-%02d:%02d", start.getHour(), start.getMinute(), end.getHour(), end.getMinute());
        long id = channel(unit, Map.of("type", "WECOM", "target", platforms.wecomUrl(key), "quietHours", quiet));

        digest(unit, ReminderKind.OVERDUE, 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> deliveries(id).getInt("total") == 1);
        Instant due = Instant.parse(deliveries(id).getString("items[0].nextAttemptAt"));
        assertTrue(due.isAfter(clock.instant().plus(Duration.ofMinutes(90))), "held until the quiet hours end: " + due);
        assertEquals(end, java.time.LocalTime.ofInstant(due, QuietHours.ZONE), "at their end (on a working day)");
        worker.kick();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> platforms.received(key).isEmpty());

        clock.advancePast(due);
        worker.kick();
        await().atMost(Duration.ofSeconds(10)).until(() -> platforms.accepted(key).size() == 1);
    }

    private static int mailsTo(String address) throws Exception {
        int n = 0;
        for (var m : SmtpServer.mail().getReceivedMessages()) {
            for (var to : m.getAllRecipients()) {
                if (to.toString().equals(address)) {
                    n++;
                }
            }
        }
        return n;
    }
}
