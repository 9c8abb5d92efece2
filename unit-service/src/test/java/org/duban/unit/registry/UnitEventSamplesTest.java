package org.duban.unit.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.duban.testsupport.EventSamples;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code duban.unit.changed}, written by the real code path (the office creates a unit), is checked
 * against its committed sample (see {@link EventSamples}; reminder-service's replica is tested on the
 * same file), and its data is the unit as the REST API shows it.
 */
@QuarkusTest
class UnitEventSamplesTest {

    /** A city department no seed has: the sample's unit, with every kind of field filled but divisionCode and webhookUrl. */
    private static final String CODE = "hf-sjj";
    private static String event;

    private final ObjectMapper json = new ObjectMapper();

    private static synchronized String created() {
        if (event == null) {
            Map<String, Object> unit = Map.of("code", CODE, "name", "合肥市数据资源局", "shortName", "合肥市数据局",
                    "aliases", List.of("合肥市数据资源管理局"), "level", "CITY", "type", "DEPARTMENT", "parentCode", "gov-340100",
                    "externalIds", Map.of("oa", "HF-0031"),
                    "contacts", Map.of("email", "sjj@hefei.example.cn", "phone", "0551-63538000"));
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(unit)
                    .when().post("/api/units").then().statusCode(201);
            List<ConsumerRecord<String, String>> records = TopicReader.read("duban.units", r -> CODE.equals(r.key()), 1,
                    Duration.ofSeconds(20));
            assertEquals(1, records.size());
            event = records.get(0).value();
        }
        return event;
    }

    @Test
    void unitChangedIsWrittenAsItsSampleShowsIt() {
        EventSamples.check(created(), Map.of("/time", "2022-06-01T01:00:00Z"));
    }

    @Test
    void theDataIsTheUnitAsTheRestApiShowsIt() throws Exception {
        String written = created();
        String view = given().auth().oauth2(TestTokens.admin()).when().get("/api/units/" + CODE).then().statusCode(200)
                .extract().asString();
        assertEquals(json.readTree(view), json.readTree(written).get("data"));
    }
}
