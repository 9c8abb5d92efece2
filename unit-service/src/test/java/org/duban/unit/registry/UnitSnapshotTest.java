package org.duban.unit.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** duban.unit.changed and the history carry the service's snapshot; API.md wants it to read as the REST view. */
class UnitSnapshotTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theSnapshotWritesTheSameJsonAsTheRestView() throws Exception {
        List<UnitSnapshot> units = List.of(
                new UnitSnapshot("gov-340100", "合肥市人民政府", "合肥市", List.of("合肥市政府"), UnitLevel.CITY,
                        UnitType.GOVERNMENT, "gov-340000", "340100", Map.of("oa", "D-0012"),
                        new UnitSnapshot.Contacts("gkb@hefei.gov.cn", "0551-63536047", "https://oa.hefei.gov.cn/hooks/duban"),
                        true, 3),
                new UnitSnapshot("ah-fgw", "安徽省发展和改革委员会", null, List.of(), UnitLevel.PROVINCE,
                        UnitType.DEPARTMENT, null, null, Map.of(), new UnitSnapshot.Contacts(null, null, null), false, 0));
        for (UnitSnapshot unit : units) {
            assertEquals(json.writeValueAsString(UnitView.of(unit)), json.writeValueAsString(unit));
        }
    }
}
