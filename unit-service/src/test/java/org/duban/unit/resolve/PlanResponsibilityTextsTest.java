package org.duban.unit.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every responsibility text of the Anhui 2022 plan (皖政务办〔2022〕3号), with the units, groups,
 * roles and qualifiers the supervising office expects, written by hand from the text.
 */
class PlanResponsibilityTextsTest {

    private static final String CC = "R @cities-and-counties";
    private static final String CITIES = "R @cities";
    private static final String DEPTS = "R @provincial-departments";
    private static final String RELATED_DEPTS = "R @provincial-related-departments";
    private static final String RELATED_UNITS = "R @provincial-related-units";

    private static final Map<String, List<String>> EXPECTED = new LinkedHashMap<>();

    private static void expect(String text, String... entries) {
        EXPECTED.put(text, List.of(entries));
    }

    static {
        expect("省政府各有关部门，各市、县（市、区）政府负责落实", RELATED_DEPTS, CC);
        expect("省发展改革委、省科技厅、省经济和信息化厅、省公安厅、省财政厅、省人力资源社会保障厅、省住房城乡建设厅、"
                        + "省交通运输厅、省农业农村厅、省商务厅、省文化和旅游厅、省卫生健康委、省国资委、省市场监管局、省管局、"
                        + "省地方金融监管局、省能源局、省税务局等省有关单位，各市、县（市、区）政府负责落实",
                "R ah-fgw", "R ah-kjt", "R ah-jxt", "R ah-gat", "R ah-czt", "R ah-rst", "R ah-zjt", "R ah-jtt",
                "R ah-nynct", "R ah-swt", "R ah-whlyt", "R ah-wjw", "R ah-gzw", "R ah-scjgj", "R ah-jgj",
                "R ah-dfjrjgj", "R ah-nyj", "R ah-swj", RELATED_UNITS, CC);
        expect("省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实",
                "L ah-fgw", "L ah-zjt", RELATED_DEPTS, CITIES);
        expect("省市场监管局，各市、县（市、区）政府负责落实", "R ah-scjgj", CC);
        expect("省税务局负责落实", "R ah-swj");
        expect("省发展改革委牵头，省政府各有关部门，各市、县（市、区）政府负责落实", "L ah-fgw", RELATED_DEPTS, CC);
        expect("省卫生健康委牵头，省政府各有关部门，各市、县（市、区）政府负责落实", "L ah-wjw", RELATED_DEPTS, CC);
        expect("省人力资源社会保障厅，各市、县（市、区）政府负责落实", "R ah-rst", CC);
        expect("省农业农村厅、省乡村振兴局牵头，各市、县(市、区)政府负责落实", "L ah-nynct", "L ah-xczxj", CC);
        expect("省教育厅、省生态环境厅、省住房城乡建设厅、省交通运输厅、省卫生健康委、省能源局等公共企事业单位行政主管部门，"
                        + "各市、县(市、区)政府负责落实",
                "R ah-jyt", "R ah-sthjt", "R ah-zjt", "R ah-jtt", "R ah-wjw", "R ah-nyj", "R @other-related-units", CC);
        expect("省司法厅，各市政府负责落实", "R ah-sft", CITIES);
        expect("省司法厅牵头，省政府各部门，各市、县（市、区）政府负责落实", "L ah-sft", DEPTS, CC);
        expect("省司法厅牵头，省政府各部门，各市政府负责落实", "L ah-sft", DEPTS, CITIES);
        expect("省政府办公厅，各市、县（市、区）政府办公室（政府信息公开工作主管部门）负责落实",
                "R ah-bgt", CC + " 政府办公室（政府信息公开工作主管部门）");
        expect("各市、县（市、区）政府负责落实", CC);
        expect("省数据资源局，各市、县（市、区）政府负责落实", "R ah-sjzyj", CC);
        expect("省政府办公厅，各市、县（市、区）政府负责落实", "R ah-bgt", CC);
        expect("省政府办公厅，各市、县（市、区）政府办公室负责落实", "R ah-bgt", CC + " 政府办公室");
        expect("各县（市、区）政府负责落实", "R @counties");
        expect("省发展改革委、省教育厅、省公安厅、省民政厅、省司法厅、省财政厅、省人力资源社会保障厅、省自然资源厅、"
                        + "省生态环境厅、省住房城乡建设厅、省农业农村厅、省文化和旅游厅、省卫生健康委、省应急厅、省市场监管局、"
                        + "省乡村振兴局、省税务局，各市、县（市、区）政府负责落实",
                "R ah-fgw", "R ah-jyt", "R ah-gat", "R ah-mzt", "R ah-sft", "R ah-czt", "R ah-rst", "R ah-zrzyt",
                "R ah-sthjt", "R ah-zjt", "R ah-nynct", "R ah-whlyt", "R ah-wjw", "R ah-yjt", "R ah-scjgj",
                "R ah-xczxj", "R ah-swj", CC);
        expect("省委宣传部、省交通运输厅、省文化和旅游厅、省广电局、省统计局、合肥海关等省有关单位牵头，各市、县（市、区）政府负责落实",
                "L ah-xcb", "L ah-jtt", "L ah-whlyt", "L ah-gdj", "L ah-tjj", "L ah-hfhg",
                "L @provincial-related-units", CC);
        expect("省财政厅、省民政厅、省农业农村厅牵头，各市、县（市、区）政府负责落实", "L ah-czt", "L ah-mzt", "L ah-nynct", CC);
        expect("省政府办公厅牵头，省有关单位，各市、县（市、区）政府负责落实", "L ah-bgt", RELATED_UNITS, CC);
        expect("省政府各部门，各市、县（市、区）政府负责落实", DEPTS, CC);
        expect("省司法厅，各市、县（市、区）司法局负责落实", "R ah-sft", CC + " 司法局");
        expect("省政府办公厅、省经济信息中心牵头，省经济和信息化厅、省自然资源厅、省市场监管局，蚌埠市、滁州市，芜湖市负责落实",
                "L ah-bgt", "L ah-jjxxzx", "R ah-jxt", "R ah-zrzyt", "R ah-scjgj",
                "R gov-340300", "R gov-341100", "R gov-340200");
        expect("省政府办公厅牵头，各市政府负责落实", "L ah-bgt", CITIES);
        expect("省政府办公厅牵头，省政府各部门，各市、县（市、区）政府负责落实", "L ah-bgt", DEPTS, CC);
        expect("省政府办公厅牵头，省政府各部门办公室，各市、县（市、区）政府办公室（政府网站主管部门）负责落实",
                "L ah-bgt", DEPTS + " 办公室", CC + " 政府办公室（政府网站主管部门）");
        expect("省政府办公厅、省政府各部门，各市、县（市、区）政府负责落实", "R ah-bgt", DEPTS, CC);
        expect("省政府办公厅、省政府各有关部门，各市、县（市、区）政府负责落实", "R ah-bgt", RELATED_DEPTS, CC);
        expect("省政府办公厅，各市政府负责落实", "R ah-bgt", CITIES);
    }

    static Stream<Arguments> planTexts() {
        return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planTexts")
    void resolvesEveryNameOfThePlanText(String text, List<String> expected) {
        Resolution resolution = Entries.SEED_PARSER.resolve(text);

        assertEquals(List.of(), resolution.unresolved(), "unresolved names");
        assertEquals(expected, Entries.render(resolution));
    }

    /** The table above covers the plan exactly: no responsibility text of the document is left untested. */
    @Test
    void tableCoversEveryResponsibilityTextOfThePlan() throws IOException {
        String plan;
        try (InputStream in = getClass().getResourceAsStream("/anhui-2022-disclosure-plan.txt")) {
            plan = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int rows = 0;
        Set<String> texts = new LinkedHashSet<>();
        for (String line : plan.split("\n")) {
            for (String cell : line.split("\t")) {
                if (cell.strip().endsWith("负责落实")) {
                    texts.add(cell.strip());
                    rows++;
                }
            }
        }

        assertEquals(44, rows, "tasks with a responsibility text");
        assertEquals(32, texts.size(), "distinct responsibility texts");
        assertEquals(texts, EXPECTED.keySet());
        assertTrue(texts.stream().allMatch(t -> Entries.SEED_PARSER.resolve(t).complete()));
    }
}
