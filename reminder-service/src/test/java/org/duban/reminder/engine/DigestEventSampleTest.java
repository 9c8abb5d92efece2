package org.duban.reminder.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.testsupport.EventSamples;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code duban.notification.sent}, written by the real dispatcher for a run's two inbox entries of one
 * county (a due date coming, an ONGOING task's report missing), is checked against its committed sample
 * (see {@link EventSamples}). Ids and the run get the sample's values; everything else must match.
 */
@QuarkusTest
class DigestEventSampleTest {

    /** 肥西县人民政府: no test gives it an e-mail address or a webhook, so the digest goes to Kafka and the inbox only. */
    private static final String FEIXI = "gov-340123";

    @Inject
    EntityManager em;
    @Inject
    DigestDispatcher dispatcher;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void notificationSentIsWrittenAsItsSampleShowsIt() throws Exception {
        long runId = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("""
                    INSERT INTO unit_contact (code, name, email, active, version, updated_at)
                    VALUES (?1, '肥西县人民政府', NULL, TRUE, 0, TIMESTAMPTZ '2022-06-01T00:00:00Z') ON CONFLICT (code) DO NOTHING""")
                    .setParameter(1, FEIXI).executeUpdate();
            long run = ((Number) em.createNativeQuery("""
                    INSERT INTO reminder_run (at, trigger, started_by, started_at, finished_at)
                    VALUES (TIMESTAMPTZ '2022-06-23T01:00:00Z', 'SCHEDULE', 'scheduler', now(), now()) RETURNING id""")
                    .getSingleResult()).longValue();
            em.createNativeQuery("""
                    INSERT INTO notification (unit_code, assignment_id, plan_id, task_number, kind, occasion, due_date, title, body,
                                              created_at, run_id)
                    VALUES (?1, 990301, 990001, 1, 'DUE_SOON', DATE '2022-06-23', DATE '2022-06-30', '第1项任务还有7天到期（2022年6月30日）',
                            '肥西县人民政府：' || chr(10) || '您单位承担的第1项任务“围绕深入实施三次产业高质量协同发展计划，集中公开推动经济发展相关政策举措、工作进展、项目落地等信息。”完成时限为2022年6月30日，距到期还有7天。请抓紧推进，按时办结并报送进展情况。',
                            TIMESTAMPTZ '2022-06-23T01:00:02Z', ?2),
                           (?1, 990302, 990001, 2, 'PROGRESS_REPORT_DUE', DATE '2022-06-23', NULL, '第2项任务请报送进展',
                            '肥西县人民政府：' || chr(10) || '您单位承担的第2项任务“切实做好稳经济大盘一揽子政策举措公开工作，强化政策解读。”为持续推进事项，1个月内尚未报送进展。请及时报送工作进展情况。',
                            TIMESTAMPTZ '2022-06-23T01:00:02Z', ?2)""")
                    .setParameter(1, FEIXI).setParameter(2, run).executeUpdate();
            return run;
        });
        dispatcher.dispatchPending(); // or the scheduler's next look did it already: the same code path

        String messageId = "digest-" + runId + "-" + FEIXI;
        List<ConsumerRecord<String, String>> records = TopicReader.read("duban.notifications",
                r -> FEIXI.equals(r.key()) && r.value().contains("\"messageId\":\"" + messageId + "\""), 1, Duration.ofSeconds(30));
        assertEquals(1, records.size());
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM notification WHERE run_id = ?1 ORDER BY id", Long.class).setParameter(1, runId).getResultList());
        JsonNode data = json.readTree(records.get(0).value()).get("data");
        List<Long> written = new java.util.ArrayList<>();
        data.get("notifications").forEach(n -> written.add(n.get("id").asLong()));
        assertEquals(ids, written, "the run's entries, in order");
        EventSamples.check(records.get(0).value(), Map.of("/time", "2022-06-23T01:00:03Z",
                "/data/messageId", "digest-990401-" + FEIXI, "/data/runId", 990401L,
                "/data/notifications/0/id", 990501L, "/data/notifications/1/id", 990502L));
    }
}
