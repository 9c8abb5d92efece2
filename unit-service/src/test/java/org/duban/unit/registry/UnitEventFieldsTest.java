package org.duban.unit.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.events.UnitChanged;
import org.duban.testsupport.EventSamples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code duban.unit.changed} carries the unit as the REST API shows it, field for field. */
class UnitEventFieldsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theEventHasEveryFieldOfTheRestView() {
        assertEquals(EventSamples.fieldNames(UnitView.class), EventSamples.fieldNames(UnitChanged.class),
                "a field of the REST view missing from the event (or one too many): add it to UnitChanged");
        assertEquals(EventSamples.fieldNames(UnitView.Contacts.class), EventSamples.fieldNames(UnitChanged.Contacts.class));
    }

    @Test
    void everyValueOfTheViewLandsInItsOwnField() {
        UnitView full = new UnitView("gov-340100", "合肥市人民政府", "合肥市", List.of("合肥市政府"), UnitLevel.CITY, UnitType.GOVERNMENT,
                "gov-340000", "340100", Map.of("oa", "D-0012"),
                new UnitView.Contacts("gkb@hefei.gov.cn", "0551-63536047", "https://oa.hefei.gov.cn/hooks/duban"), true, 3);
        assertEquals(json.valueToTree(full), json.valueToTree(UnitEvents.changed(full)));
        UnitView sparse = new UnitView("ah-fgw", "安徽省发展和改革委员会", null, List.of(), UnitLevel.PROVINCE, UnitType.DEPARTMENT,
                null, null, Map.of(), new UnitView.Contacts(null, null, null), false, 0);
        assertEquals(json.valueToTree(sparse), json.valueToTree(UnitEvents.changed(sparse)));
    }
}
