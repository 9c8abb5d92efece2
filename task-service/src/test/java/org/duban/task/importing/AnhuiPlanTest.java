package org.duban.task.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Anhui 2022 plan read from its published text. The expected tasks were written by hand from
 * the document: number, category and subcategory ordinals, how the requirement starts, the
 * responsibility text exactly as printed (ASCII and full-width brackets as they are) and the
 * deadline text.
 */
class AnhuiPlanTest {

    private static final String CC = "各市、县（市、区）政府负责落实";
    private static final String RELATED_DEPTS_CC = "省政府各有关部门，" + CC;
    private static final String DEPTS_CC = "省政府各部门，" + CC;
    private static final String BGT_CC = "省政府办公厅，" + CC;
    private static final String BGT_DEPTS_CC = "省政府办公厅、省政府各部门，" + CC;
    private static final String YEAR_END = "年底前";
    private static final String ONGOING = "持续推进";
    private static final String JUNE = "6 月底前";

    record Expected(int number, int category, int subcategory, String requirementStart, String responsibility,
            String deadline) {

        @Override
        public String toString() {
            return "task " + number;
        }
    }

    private static Expected task(int number, int category, int subcategory, String requirementStart,
            String responsibility, String deadline) {
        return new Expected(number, category, subcategory, requirementStart, responsibility, deadline);
    }

    static final List<Expected> TASKS = List.of(
            task(1, 1, 1, "切实做好稳经济大盘", RELATED_DEPTS_CC, ONGOING),
            task(2, 1, 1, "围绕深入实施三次产业", RELATED_DEPTS_CC, ONGOING),
            task(3, 1, 2, "加大受疫情影响重的餐饮", "省发展改革委、省科技厅、省经济和信息化厅、省公安厅、省财政厅、"
                    + "省人力资源社会保障厅、省住房城乡建设厅、省交通运输厅、省农业农村厅、省商务厅、省文化和旅游厅、"
                    + "省卫生健康委、省国资委、省市场监管局、省管局、省地方金融监管局、省能源局、省税务局等省有关单位，"
                    + CC, ONGOING),
            task(4, 1, 2, "建立市场主体反映投资", "省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实",
                    YEAR_END),
            task(5, 1, 2, "持续推进反垄断", "省市场监管局，" + CC, ONGOING),
            task(6, 1, 3, "围绕“双招双引”", "省税务局负责落实", YEAR_END),
            task(7, 1, 4, "认真贯彻落实国家和我省", "省发展改革委牵头，" + RELATED_DEPTS_CC, ONGOING),
            task(8, 2, 1, "严格执行疫情防控", "省卫生健康委牵头，" + RELATED_DEPTS_CC, ONGOING),
            task(9, 2, 1, "加强疫情防控信息发布工作协调", "省卫生健康委牵头，" + RELATED_DEPTS_CC, ONGOING),
            task(10, 2, 2, "加强政策宣讲和推送", "省人力资源社会保障厅，" + CC, ONGOING),
            task(11, 2, 3, "做好保障粮食", "省农业农村厅、省乡村振兴局牵头，各市、县(市、区)政府负责落实", ONGOING),
            task(12, 2, 4, "深入推进公共企事业单位", "省教育厅、省生态环境厅、省住房城乡建设厅、省交通运输厅、省卫生健康委、"
                    + "省能源局等公共企事业单位行政主管部门，各市、县(市、区)政府负责落实", YEAR_END),
            task(13, 3, 1, "巩固规章集中公开", "省司法厅，各市政府负责落实", YEAR_END),
            task(14, 3, 2, "各地各部门年底前", "省司法厅牵头，" + DEPTS_CC, YEAR_END),
            task(15, 3, 2, "年底前完成省、市两级", "省司法厅牵头，省政府各部门，各市政府负责落实", YEAR_END),
            task(16, 3, 3, "各级政府信息公开工作主管部门要加强", "省政府办公厅，各市、县（市、区）政府办公室"
                    + "（政府信息公开工作主管部门）负责落实", YEAR_END),
            task(17, 3, 3, "各地要充分发挥已建成", CC, YEAR_END),
            task(18, 3, 4, "省、市、县三级政务服务中心", "省数据资源局，" + CC, YEAR_END),
            task(19, 3, 4, "提高政务服务便民热线", BGT_CC, ONGOING),
            task(20, 3, 4, "加强人工智能等技术运用", "省政府办公厅，各市、县（市、区）政府办公室负责落实", YEAR_END),
            task(21, 3, 4, "以公开促服务", "各县（市、区）政府负责落实", YEAR_END),
            task(22, 4, 1, "依据标准目录", "省发展改革委、省教育厅、省公安厅、省民政厅、省司法厅、省财政厅、"
                    + "省人力资源社会保障厅、省自然资源厅、省生态环境厅、省住房城乡建设厅、省农业农村厅、省文化和旅游厅、"
                    + "省卫生健康委、省应急厅、省市场监管局、省乡村振兴局、省税务局，" + CC, ONGOING),
            task(23, 4, 1, "落实 2021 年以来", "省委宣传部、省交通运输厅、省文化和旅游厅、省广电局、省统计局、"
                    + "合肥海关等省有关单位牵头，" + CC, YEAR_END),
            task(24, 4, 2, "县级政府及时公开涉农补贴", "省财政厅、省民政厅、省农业农村厅牵头，" + CC, YEAR_END),
            task(25, 4, 3, "务实推进政务公开专区建设", CC, YEAR_END),
            task(26, 4, 4, "开展全省基层政务公开提升行动", "省政府办公厅牵头，省有关单位，" + CC, YEAR_END),
            task(27, 5, 1, "在公开工作中增强规范意识", DEPTS_CC, YEAR_END),
            task(28, 5, 1, "根据《国务院办公厅转发司法部", "省司法厅，各市、县（市、区）司法局负责落实", YEAR_END),
            task(29, 5, 2, "组织开展政府信息主动公开目录", "省政府办公厅、省经济信息中心牵头，省经济和信息化厅、"
                    + "省自然资源厅、省市场监管局，蚌埠市、滁州市，芜湖市负责落实", YEAR_END),
            task(30, 5, 3, "准确把握不同类型公开要求", DEPTS_CC, YEAR_END),
            task(31, 5, 4, "严格落实网络意识形态责任制", BGT_CC, YEAR_END),
            task(32, 5, 4, "持续做好政府公报工作。", "省政府办公厅牵头，各市政府负责落实", ONGOING),
            task(33, 6, 1, "推动落实信息发布", DEPTS_CC, ONGOING),
            task(34, 6, 1, "持续提升政策解读质量", "省政府办公厅牵头，" + DEPTS_CC, YEAR_END),
            task(35, 6, 1, "加强政务舆情监测", RELATED_DEPTS_CC, ONGOING),
            task(36, 6, 2, "各级政府信息公开工作主管部门要切实", "省政府办公厅牵头，省政府各部门办公室，"
                    + "各市、县（市、区）政府办公室（政府网站主管部门）负责落实", ONGOING),
            task(37, 6, 2, "进一步规范政务公开第三方评估", BGT_DEPTS_CC, ONGOING),
            task(38, 6, 3, "各地各部门要对照重点工作任务分工", "省政府办公厅、省政府各有关部门，" + CC, ONGOING),
            task(39, 6, 3, "认真分析研究国办 2021 年度", BGT_CC, JUNE),
            task(40, 6, 3, "对 2021 年政务公开", "省政府办公厅，各市政府负责落实", JUNE),
            task(41, 6, 3, "各地各部门要将年度政务公开", BGT_DEPTS_CC, YEAR_END),
            task(42, 6, 4, "继续开展《政务公开交流》", BGT_DEPTS_CC, ONGOING),
            task(43, 6, 4, "加强队伍建设", BGT_DEPTS_CC, ONGOING),
            task(44, 6, 4, "各地要严格落实将政务公开纳入", BGT_CC, ONGOING));

    private static final ParsedPlan PLAN = SamplePlan.plan();

    static Stream<Expected> tasks() {
        return TASKS.stream();
    }

    @Test
    void readsWithoutProblems() {
        assertEquals(List.of(), PLAN.problems());
        assertEquals(44, PLAN.tasks().size());
    }

    @Test
    void readsTheNotice() {
        assertEquals(new PlanMetadata("安徽省2022年政务公开重点工作任务分工", "皖政务办〔2022〕3号", "安徽省政务公开办公室",
                LocalDate.of(2022, 6, 6), 2022), PLAN.metadata());
    }

    @Test
    void hasSixCategoriesInOrder() {
        assertEquals(List.of(
                new Heading(1, "加强经济领域信息公开，全力营造平稳健康的经济环境。"),
                new Heading(2, "强化民生领域信息公开，更好维护人民群众切身利益。"),
                new Heading(3, "实现政策集中规范公开，持续提升政策咨询服务水平。"),
                new Heading(4, "深化基层政务公开，加大力度优化公开效果。"),
                new Heading(5, "夯实政务公开工作基础，严格执行政府信息公开制度。"),
                new Heading(6, "严格落实主体责任，确保任务按时保质完成。")), PLAN.categories());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tasks")
    void readsEveryTask(Expected expected) {
        ParsedTask task = PLAN.tasks().get(expected.number() - 1);
        assertAll(
                () -> assertEquals(expected.number(), task.number(), "number"),
                () -> assertEquals(expected.category(), task.category().ordinal(), "category"),
                () -> assertEquals(expected.subcategory(), task.subcategory().ordinal(), "subcategory"),
                () -> assertTrue(task.requirement().startsWith(expected.requirementStart()),
                        () -> "requirement starts: " + task.requirement()),
                () -> assertFalse(task.requirement().contains("<"), "no markup left"),
                () -> assertEquals(expected.responsibility(), task.responsibilityText(), "responsibility"),
                () -> assertEquals(expected.deadline(), task.deadlineText(), "deadline"));
    }

    @Test
    void subcategoriesKeepTheirTitleWhicheverBracketsThePageUsed() {
        assertEquals(new Heading(1, "加强经济发展的信息公开。"), PLAN.tasks().get(0).subcategory());
        assertEquals(new Heading(1, "持续做好疫情防控信息公开。"), PLAN.tasks().get(7).subcategory());
        // （二） on one page and (二) on the next are the same subcategory
        assertEquals(PLAN.tasks().get(35).subcategory(), PLAN.tasks().get(36).subcategory());
    }

    @Test
    void requirementsLoseTheirStrayParagraphTagsAndInlineNumbers() {
        ParsedTask sixteen = PLAN.tasks().get(15);
        assertTrue(sixteen.requirement().endsWith("有效实施行政管理。"), sixteen.requirement());
        assertEquals("持续做好政府公报工作。", PLAN.tasks().get(31).requirement());
    }

    @Test
    void remembersWhereEachTaskIs() {
        assertEquals(20, PLAN.tasks().get(0).line());
        assertEquals(29, PLAN.tasks().get(5).line());
        assertEquals(91, PLAN.tasks().get(43).line());
    }

    @Test
    void theLastTaskShiftedOneCellLeftKeepsItsHeadings() {
        ParsedTask last = PLAN.tasks().get(43);
        assertEquals(new Heading(4, "做好指导监督。"), last.subcategory());
        assertEquals("持续推进", last.deadlineText());
    }

    @Test
    void everyTaskOfThisPlanHasASubcategory() {
        assertTrue(PLAN.tasks().stream().allMatch(t -> t.subcategory() != null));
    }
}
