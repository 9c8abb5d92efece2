package org.duban.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The records against the samples the producers' tests wrote (src/test/resources/samples): each reads
 * into its record and writes back the same JSON. The mapper has Jackson's defaults (dates as timestamps,
 * unknown properties fatal) plus java.time, so the records do not lean on the services' settings.
 */
class EventSamplesTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    static Stream<String> types() {
        List<String> types = new ArrayList<>(AssignmentEvent.TYPES);
        types.add(UnitChanged.TYPE);
        types.add(NotificationSent.TYPE);
        return types.stream();
    }

    private static Class<?> recordFor(String type) {
        return switch (type) {
            case UnitChanged.TYPE -> UnitChanged.class;
            case NotificationSent.TYPE -> NotificationSent.class;
            default -> AssignmentEvent.recordFor(type).orElseThrow();
        };
    }

    private static JsonNode sample(String type) throws IOException {
        try (InputStream in = EventSamplesTest.class.getResourceAsStream("/samples/" + type + ".json")) {
            assertTrue(in != null, "a sample of " + type);
            return JSON.readTree(in);
        }
    }

    /** As written to the wire and read back, so that numbers compare by value. */
    private static JsonNode written(Object data) throws IOException {
        return JSON.readTree(JSON.writeValueAsString(data));
    }

    @ParameterizedTest
    @MethodSource("types")
    void everySampleReadsIntoItsRecordAndWritesBackTheSame(String type) throws IOException {
        JsonNode event = sample(type);
        assertEquals(type, event.get("type").asText());
        Object data = JSON.treeToValue(event.get("data"), recordFor(type));
        assertEquals(event.get("data"), written(data));
        if (data instanceof AssignmentEvent e) {
            assertEquals(type, e.eventType());
            assertTrue(type.startsWith("duban.assignment."));
            // the copy every assignment consumer keeps reads any type as the bare assignment
            assertEquals(e.assignment(), JSON.treeToValue(event.get("data"), AssignmentSnapshot.class));
            assertEquals(event.get("subject").asText(), Long.toString(e.assignment().id()));
        }
    }

    @Test
    void everySampleIsOfAKnownType() throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of(EventSamplesTest.class.getResource("/samples").toURI()))) {
            files = list.map(p -> p.getFileName().toString().replaceFirst("\\.json$", "")).sorted().toList();
        }
        assertEquals(types().sorted().toList(), files);
    }

    @Test
    void theRecordsReadWhatTheyWrite() throws IOException {
        AssignmentSnapshot a = new AssignmentSnapshot(7, 3, 1, 39, "gov-340200", "芜湖市人民政府", "cities", null, "RESPONSIBLE",
                LocalDate.parse("2022-06-30"), "SUBMITTED", false, false, null, 80, Instant.parse("2022-06-20T02:00:00.123456Z"),
                null, null, Instant.parse("2022-06-21T02:00:00Z"), 5, "认真分析研究国办2021年度评估……", "FIXED");
        var changed = new AssignmentEvent.DueDateChanged(a, LocalDate.parse("2022-06-30"), LocalDate.parse("2022-07-31"), "office", null);
        JsonNode tree = written(changed);
        assertEquals("2022-07-31", tree.get("to").asText());
        assertEquals("2022-06-20T02:00:00.123456Z", tree.get("lastProgressAt").asText());
        assertFalse(tree.has("note"), "absent values are left out");
        assertFalse(tree.has("qualifier"));
        assertFalse(tree.has("assignment"), "the assignment's fields sit at the top level");
        assertEquals(changed, JSON.treeToValue(tree, AssignmentEvent.DueDateChanged.class));
    }

    @Test
    void fieldsFromANewerProducerAreIgnored() throws IOException {
        ObjectNode data = (ObjectNode) sample(AssignmentEvent.Created.TYPE).get("data");
        data.put("coordinator", "ah-fgw").put("weight", 2);
        var created = JSON.treeToValue(data, AssignmentEvent.Created.class);
        assertEquals("gov-340100", created.assignment().unitCode());
        assertEquals("gov-340100", JSON.treeToValue(data, AssignmentSnapshot.class).unitCode());

        ObjectNode unit = (ObjectNode) sample(UnitChanged.TYPE).get("data");
        ((ObjectNode) unit.get("contacts")).put("wechat", "hfsjj");
        unit.put("sortOrder", 3);
        assertEquals("sjj@hefei.example.cn", JSON.treeToValue(unit, UnitChanged.class).contacts().email());

        ObjectNode digest = (ObjectNode) sample(NotificationSent.TYPE).get("data");
        ((ObjectNode) digest.get("notifications").get(0)).put("channelId", 12);
        assertEquals(2, JSON.treeToValue(digest, NotificationSent.class).notifications().size());
    }

    @Test
    void aDelegatedAssignmentNamesItsParentAndAnUrgeItsSender() throws IOException {
        var urged = JSON.treeToValue(sample(AssignmentEvent.Urged.TYPE).get("data"), AssignmentEvent.Urged.class);
        assertEquals(990206L, urged.assignment().parentId());
        assertEquals("gov-340100", urged.assignment().delegatedBy());
        assertEquals(1, urged.assignment().depth());
        assertEquals(AssignmentEvent.Urged.DELEGATOR, urged.senderRole());
        assertEquals(Instant.parse("2022-06-22T01:30:00Z"), urged.urgedAt());
        // the office's own plan: no parent, depth 0, and the office's urge names no unit
        var created = JSON.treeToValue(sample(AssignmentEvent.Created.TYPE).get("data"), AssignmentEvent.Created.class);
        assertEquals(null, created.assignment().parentId());
        assertEquals(0, created.assignment().depth());
        JsonNode office = written(new AssignmentEvent.Urged(created.assignment(), "请抓紧办理", "office", null,
                AssignmentEvent.Urged.OFFICE, Instant.parse("2022-06-22T02:00:00Z")));
        assertFalse(office.has("senderUnitCode"));
        assertFalse(office.has("parentId"));
        assertEquals(0, office.get("childCount").asInt());
    }

    @Test
    void dataWithoutWhatAConsumerKeysOnIsRefused() throws IOException {
        ObjectNode assignment = (ObjectNode) sample(AssignmentEvent.StatusChanged.TYPE).get("data");
        assignment.remove("id");
        assertThrows(MismatchedInputException.class, () -> JSON.treeToValue(assignment, AssignmentSnapshot.class));
        assignment.putNull("id");
        assertThrows(MismatchedInputException.class, () -> JSON.treeToValue(assignment, AssignmentSnapshot.class));

        for (String field : List.of("code", "name", "active")) {
            ObjectNode unit = (ObjectNode) sample(UnitChanged.TYPE).get("data");
            unit.remove(field);
            assertThrows(MismatchedInputException.class, () -> JSON.treeToValue(unit, UnitChanged.class), field);
        }
        ObjectNode unit = (ObjectNode) sample(UnitChanged.TYPE).get("data");
        unit.putNull("name");
        assertThrows(MismatchedInputException.class, () -> JSON.treeToValue(unit, UnitChanged.class));
    }

    @Test
    void aSplitDigestNamesItsPartAndAWholeOneDoesNot() throws IOException {
        var notice = new NotificationSent.Notification(310, "gov-340100", null, null, null, "WEBHOOK_DISABLED", "网络推送地址已停用",
                "……", null, LocalDate.parse("2022-06-23"), Instant.parse("2022-06-23T01:00:00Z"), null);
        JsonNode part = written(new NotificationSent("digest-57-gov-340100-p2", "gov-340100", "合肥市人民政府", 57L, 2, 3, List.of(notice)));
        assertEquals(2, part.get("part").asInt());
        assertEquals(3, part.get("parts").asInt());
        JsonNode whole = written(new NotificationSent("digest-n310-gov-340100", "gov-340100", "合肥市人民政府", null, null, null, List.of(notice)));
        assertEquals(List.of("messageId", "unitCode", "unitName", "notifications"), fieldNames(whole));
        assertEquals(List.of("id", "unitCode", "kind", "title", "body", "occasion", "createdAt"),
                fieldNames(whole.get("notifications").get(0)));
    }

    @Test
    void aUnitShowsItsAbsentValuesAsNull() throws IOException {
        JsonNode unit = written(new UnitChanged("ah-fgw", "安徽省发展和改革委员会", null, List.of(), "PROVINCE", "DEPARTMENT", null, null,
                java.util.Map.of(), new UnitChanged.Contacts(null, null, null), true, 1));
        assertTrue(unit.get("shortName").isNull());
        assertTrue(unit.get("divisionCode").isNull());
        assertEquals(0, unit.get("contacts").size(), "contacts leave theirs out");
        assertInstanceOf(ObjectNode.class, unit.get("externalIds"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
