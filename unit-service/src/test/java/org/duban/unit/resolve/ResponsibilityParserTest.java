package org.duban.unit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.duban.unit.registry.SeedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spellings and shapes of responsibility texts beyond the 2022 plan. */
class ResponsibilityParserTest {

    private static final ResponsibilityParser PARSER = Entries.SEED_PARSER;

    private static Arguments row(String text, List<String> entries, List<String> unresolved) {
        return Arguments.of(text, entries, unresolved);
    }

    private static Arguments row(String text, String... entries) {
        return row(text, List.of(entries), List.of());
    }

    static Stream<Arguments> variants() {
        return Stream.of(
                // ASCII brackets and commas
                row("省司法厅牵头,省政府各部门,各市、县(市、区)政府负责落实",
                        "L ah-sft", "R @provincial-departments", "R @cities-and-counties"),
                row("各县(市、区)政府负责落实", "R @counties"),
                row("省政府办公厅;各市、县(市、区)政府办公室(政府网站主管部门)负责落实",
                        "R ah-bgt", "R @cities-and-counties 政府办公室（政府网站主管部门）"),
                // 人民政府 for 政府, and the other ways of writing the city-and-county group
                row("各市、县（市、区）人民政府负责落实", "R @cities-and-counties"),
                row("各市人民政府负责落实", "R @cities"),
                row("各市县政府负责落实", "R @cities-and-counties"),
                row("各市、县政府负责落实", "R @cities-and-counties"),
                row("各市、县、区政府负责落实", "R @cities-and-counties"),
                row("各县市区政府负责落实", "R @counties"),
                row("省人民政府各部门负责落实", "R @provincial-departments"),
                row("合肥市人民政府、肥西县人民政府负责落实", "R gov-340100", "R gov-340123"),
                row("合肥市政府，肥西县政府负责落实", "R gov-340100", "R gov-340123"),
                row("肥西县、寿县、郊区负责落实", "R gov-340123", "R gov-340422", "R gov-340711"),
                row("安徽省人民政府，省政府负责落实", "R gov-340000", "R gov-340000"),
                // whitespace, full-width spaces, line breaks and stray markup
                row("<p>省政府办公厅　牵头，省政府 各部门，\n各市、县（市、区）政府负责落实</p>",
                        "L ah-bgt", "R @provincial-departments", "R @cities-and-counties"),
                row("省税务局&nbsp;负责落实<br/>", "R ah-swj"),
                // a run without a marker is responsible
                row("省司法厅，各市政府", "R ah-sft", "R @cities"),
                row("省发展改革委、省财政厅", "R ah-fgw", "R ah-czt"),
                row("，省司法厅、、各市政府负责落实。", "R ah-sft", "R @cities"),
                // several markers, each closing its own run
                row("省政府办公厅牵头，省司法厅配合，各市政府负责落实", "L ah-bgt", "R ah-sft", "R @cities"),
                row("省发展改革委牵头，省财政厅负责，省审计厅落实", "L ah-fgw", "R ah-czt", "R ah-sjt"),
                row("省发展改革委牵头负责，各市政府配合落实", "L ah-fgw", "R @cities"),
                row("省发展改革委、省财政厅牵头，各市政府", "L ah-fgw", "L ah-czt", "R @cities"),
                // 等 ends a list of examples
                row("省发展改革委、省财政厅等省有关单位负责落实", "R ah-fgw", "R ah-czt", "R @provincial-related-units"),
                row("省教育厅等行业主管部门负责落实", "R ah-jyt", "R @other-related-units"),
                row("省教育厅等有关部门牵头", "L ah-jyt", "L @other-related-units"),
                row("省教育厅等负责落实", "R ah-jyt", "R @other-related-units"),
                // aliases, official names and the 安徽省/省 variants
                row("省发改委牵头，省人社厅、省住建厅、省经信厅、省卫健委、省文旅厅负责落实",
                        "L ah-fgw", "R ah-rst", "R ah-zjt", "R ah-jxt", "R ah-wjw", "R ah-whlyt"),
                row("安徽省发展和改革委员会、省市场监督管理局、安徽省司法厅、国家税务总局安徽省税务局负责落实",
                        "R ah-fgw", "R ah-scjgj", "R ah-sft", "R ah-swj"),
                row("合肥高新技术产业开发区管委会负责落实", "R zone-340176"),
                // qualifiers
                row("各市政府办公室负责落实", "R @cities 政府办公室"),
                row("各县（市、区）司法局负责落实", "R @counties 司法局"),
                row("省有关单位办公室负责落实", "R @provincial-related-units 办公室"),
                row("省政府办公厅(省政务公开办)牵头", "L ah-bgt （省政务公开办）"),
                // what matches nothing is reported, never dropped
                row("省发改委员会牵头，各市政府负责落实", List.of("R @cities"), List.of("省发改委员会")),
                row("省司法听，各市、县（市、区）司法局负责落实",
                        List.of("R @cities-and-counties 司法局"), List.of("省司法听")),
                row("各乡镇政府负责落实", List.of(), List.of("各乡镇政府")),
                row("省教育厅等兄弟省份负责落实", List.of("R ah-jyt"), List.of("兄弟省份")),
                row("省敎育厅等省有关单位负责落实", List.of("R @provincial-related-units"), List.of("省敎育厅")),
                row("负责落实", List.of(), List.of("负责落实")),
                // reported rather than guessed
                row("各市场监管部门负责落实", List.of(), List.of("各市场监管部门")),
                row("各市、县（市、区政府负责落实", List.of(), List.of("各市、县（市、区政府")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void resolves(String text, List<String> entries, List<String> unresolved) {
        Resolution resolution = PARSER.resolve(text);

        assertEquals(entries, Entries.render(resolution));
        assertEquals(unresolved, resolution.unresolved());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t　", "<p></p>", "<p> </p>&nbsp;"})
    void refusesATextThatNamesNothing(String text) {
        assertThrows(IllegalArgumentException.class, () -> PARSER.resolve(text));
    }

    @Test
    void entryTextIsThePieceOfTheOriginalText() {
        Resolution resolution = PARSER.resolve("<p>省农业农村厅 牵头，各市、县(市、区)政府负责落实</p>");

        assertEquals(List.of("省农业农村厅", "各市、县(市、区)政府"),
                resolution.entries().stream().map(ResolvedEntry::text).toList());
    }

    @Test
    void openRemainderKeepsItsDescriptionAsText() {
        Resolution resolution = PARSER.resolve("省教育厅、省能源局等公共企事业单位行政主管部门，各市、县(市、区)政府负责落实");

        ResolvedEntry remainder = resolution.entries().get(2);
        assertEquals("other-related-units", remainder.groupCode());
        assertEquals("公共企事业单位行政主管部门", remainder.text());
        assertEquals("省有关单位", PARSER.resolve("省税务局等省有关单位负责落实").entries().get(1).text());
    }

    @Test
    void withoutAnOpenRemainderGroupTheRemainderIsReported() {
        ResponsibilityParser parser = new ResponsibilityParser(UnitDirectory.of(SeedData.units(), List.of()));

        Resolution resolution = parser.resolve("省教育厅等行业主管部门负责落实");

        assertEquals(List.of("R ah-jyt"), Entries.render(resolution));
        assertEquals(List.of("行业主管部门"), resolution.unresolved());
    }
}
