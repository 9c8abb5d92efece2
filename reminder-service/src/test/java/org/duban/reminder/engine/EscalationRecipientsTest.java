package org.duban.reminder.engine;

import org.duban.reminder.replica.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which units hear an escalation: the unit, the task's lead units, the supervising office — each once. */
class EscalationRecipientsTest {

    @ParameterizedTest(name = "{0}, leads [{1}], office {2} → {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # a task without a lead unit: the unit and the office
            gov-340100=合肥市人民政府 | -                                       | ah-zwgkb=省政务公开办 | gov-340100=合肥市人民政府, ah-zwgkb=省政务公开办
            # the leads by code, then the office
            gov-340100=合肥市人民政府 | ah-fgw=省发展改革委, ah-sjj=省数据资源局  | ah-zwgkb=省政务公开办 | gov-340100=合肥市人民政府, ah-fgw=省发展改革委, ah-sjj=省数据资源局, ah-zwgkb=省政务公开办
            # a lead unit's own assignment escalates: it hears it once, under the name its assignment gives it
            ah-fgw=省发展改革委       | ah-fgw=省发改委, ah-sjj=省数据资源局      | ah-zwgkb=省政务公开办 | ah-fgw=省发展改革委, ah-sjj=省数据资源局, ah-zwgkb=省政务公开办
            # the office's own assignment escalates: it hears it once
            ah-zwgkb=省政务公开办     | ah-fgw=省发展改革委                     | ah-zwgkb=省政务公开办 | ah-zwgkb=省政务公开办, ah-fgw=省发展改革委
            # the office is one of the leads: once, in the leads' place, under the office's name
            gov-340100=合肥市人民政府 | ah-sjj=省数据资源局, ah-zwgkb=政务公开办   | ah-zwgkb=省政务公开办 | gov-340100=合肥市人民政府, ah-sjj=省数据资源局, ah-zwgkb=省政务公开办
            # a lead listed twice (renamed between its assignments): once, in its first place, under the later name
            gov-340100=合肥市人民政府 | ah-sjj=省数据局, ah-fgw=省发展改革委, ah-sjj=省数据资源局 | ah-zwgkb=省政务公开办 | gov-340100=合肥市人民政府, ah-sjj=省数据资源局, ah-fgw=省发展改革委, ah-zwgkb=省政务公开办
            # another office configured (duban.reminders.office-unit)
            gov-340100=合肥市人民政府 | ah-fgw=省发展改革委                     | gov-340000=省政府办公厅 | gov-340100=合肥市人民政府, ah-fgw=省发展改革委, gov-340000=省政府办公厅
            # an office not heard of yet goes by its code
            gov-340200=芜湖市人民政府 | -                                       | ah-zwgkb=ah-zwgkb    | gov-340200=芜湖市人民政府, ah-zwgkb=ah-zwgkb
            """)
    void eachUnitOnceTheUnitFirst(String unit, String leads, String office, String expected) {
        List<Unit> recipients = EscalationRecipients.of(unit(unit), units(leads), unit(office));
        assertEquals(expected, String.join(", ", recipients.stream().map(u -> u.code() + "=" + u.name()).toList()));
    }

    @ParameterizedTest(name = "{0} delegated by {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # a county's share delegated by its city: the county and the city, not the leads or the office
            gov-340123=肥西县人民政府 | gov-340100=合肥市人民政府 | gov-340123=肥西县人民政府, gov-340100=合肥市人民政府
            # a bureau's share delegated by the county
            fx-sjj=肥西县数据资源局    | gov-340123=肥西县人民政府 | fx-sjj=肥西县数据资源局, gov-340123=肥西县人民政府
            # a unit that delegated to itself hears it once
            gov-340100=合肥市人民政府 | gov-340100=合肥市人民政府 | gov-340100=合肥市人民政府
            """)
    void delegatedWorkEscalatesToTheUnitThatDelegatedIt(String unit, String delegator, String expected) {
        List<Unit> recipients = EscalationRecipients.of(unit(unit), units("ah-fgw=省发展改革委"), unit("ah-zwgkb=省政务公开办"),
                unit(delegator));
        assertEquals(expected, String.join(", ", recipients.stream().map(u -> u.code() + "=" + u.name()).toList()));
    }

    private static Unit unit(String codeAndName) {
        String[] parts = codeAndName.split("=", 2);
        return new Unit(parts[0].strip(), parts[1].strip());
    }

    private static List<Unit> units(String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(EscalationRecipientsTest::unit).toList();
    }
}
