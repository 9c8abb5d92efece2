package org.duban.reminder.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.duban.events.NotificationSent;
import org.duban.reminder.engine.ReminderKind;
import org.duban.testsupport.EventSamples;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The digest's entries are the inbox's, as the REST API shows them, field for field. */
class NotificationEventsTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void anEntryHasEveryFieldOfTheRestView() {
        assertEquals(EventSamples.fieldNames(NotificationView.class), EventSamples.fieldNames(NotificationSent.Notification.class),
                "a field of the REST view missing from the digest (or one too many): add it to NotificationSent.Notification");
    }

    @Test
    void everyValueOfTheViewLandsInItsOwnField() {
        NotificationView view = new NotificationView(310, "gov-340100", 1042L, 39, 12L, ReminderKind.MILESTONE_OVERDUE,
                "第39项任务节点“报送工作方案”已逾期1天（2022年6月30日到期）",
                "合肥市人民政府：\n您单位承担的第39项任务……工作节点“报送工作方案”……已逾期1天。", LocalDate.parse("2022-06-30"), LocalDate.parse("2022-07-01"),
                Instant.parse("2022-07-01T01:00:02.5Z"), Instant.parse("2022-07-01T02:00:00Z"));
        assertEquals(json.valueToTree(view), json.valueToTree(NotificationEvents.of(view)));
    }
}
