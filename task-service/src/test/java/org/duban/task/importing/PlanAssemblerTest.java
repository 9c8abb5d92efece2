package org.duban.task.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Small plans written for one rule each; cells are separated by {@code |} here and by tabs in the text. */
class PlanAssemblerTest {

    private static final String NOTICE = """
            安徽省人民政府办公厅
            皖政务办〔2022〕3号
            安徽省政务公开办公室
            2022年6月6日
            安徽省2022年政务公开重点工作任务分工
            工作任务||具体要求|责任单位|时限要求
            """;

    private static ParsedPlan read(String text) {
        return new PlanAssembler().assemble(new PlanTextReader().read(text.replace("|", "\t")));
    }

    private static String row(int number) {
        return "|||" + number + "|第" + number + "项要求。|省司法厅负责落实|年底前\n";
    }

    private static String withTasks(int... numbers) {
        StringBuilder text = new StringBuilder(NOTICE).append("一、第一类工作。|（一）第一小类。||||\n");
        for (int number : numbers) {
            text.append(row(number));
        }
        return text.toString();
    }

    private static List<String> reasons(ParsedPlan plan) {
        return plan.problems().stream().map(LineProblem::reason).toList();
    }

    @Test
    void aGapInTheNumbersIsReportedWhereItHappens() {
        ParsedPlan plan = read(withTasks(1, 2, 4, 5));
        assertEquals(List.of(new LineProblem(10, "4 第4项要求。", "Task numbers jump from 2 to 4: task 3 is missing.")),
                plan.problems());
        assertEquals(4, plan.tasks().size());
    }

    @Test
    void aLongGapListsEveryMissingNumber() {
        assertEquals(List.of("Task numbers jump from 1 to 5: tasks 2, 3, 4 are missing."), reasons(read(withTasks(1, 5))));
    }

    @Test
    void numbersMustStartAtOne() {
        assertEquals(List.of("Task numbers start at 3 instead of 1: tasks 1, 2 are missing."), reasons(read(withTasks(3, 4))));
    }

    @Test
    void aNumberUsedTwiceIsReported() {
        assertEquals(List.of("Task number 2 is used twice (first on line 9)."), reasons(read(withTasks(1, 2, 2, 3))));
    }

    @Test
    void numbersOutOfOrderAreReportedOnce() {
        assertEquals(List.of("Task 2 comes after task 3; tasks must be numbered in order."), reasons(read(withTasks(1, 3, 2))));
    }

    @Test
    void aPoemIsNoPlan() {
        ParsedPlan plan = read("""
                静夜思
                床前明月光，
                疑是地上霜。
                举头望明月，
                低头思故乡。
                """);
        assertEquals(List.of(LineProblem.document("No task table was found: a plan needs a table of numbered tasks with "
                + "their requirement, responsible units (责任单位) and deadline (时限要求).")), plan.problems());
        assertEquals(List.of(), plan.tasks());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n  \n", "\uFEFF", "\t\t\n"})
    void anEmptyDocumentSaysSo(String text) {
        assertEquals(List.of(LineProblem.document("The document is empty.")), read(text).problems());
    }

    @Test
    void aTableWithoutTasksSaysSo() {
        assertEquals(List.of("No tasks were found: no row of the table has a task number with its requirement, "
                + "responsible units (责任单位) and deadline (时限要求)."), reasons(read(NOTICE)));
    }

    @Test
    void aRowWithoutANumberIsReported() {
        ParsedPlan plan = read(withTasks(1) + "||没有编号的要求。|省司法厅负责落实|年底前\n" + row(2));
        assertEquals(List.of(new LineProblem(9, "没有编号的要求。 | 省司法厅负责落实 | 年底前",
                "The row has no task number, so it cannot be read as a task.")), plan.problems());
        assertEquals(2, plan.tasks().size());
    }

    @Test
    void aRowMissingItsDeadlineIsReported() {
        ParsedPlan plan = read(withTasks(1) + "|||2|第2项要求。|省司法厅负责落实\n");
        assertEquals(List.of("Task 2 is missing a cell: a task needs its requirement, responsible units (责任单位) "
                + "and deadline (时限要求); only 2 found."), reasons(plan));
    }

    @Test
    void aLoneNumberIsReported() {
        assertEquals(List.of("Task 2 has no requirement, responsible units (责任单位) or deadline (时限要求)."),
                reasons(read(withTasks(1) + "|||2|||\n")));
    }

    @Test
    void aTaskBeforeAnyCategoryIsReported() {
        assertEquals(List.of("Task 1 comes before any category heading (一、…)."), reasons(read(NOTICE + row(1))));
    }

    @Test
    void headingsAreCarriedDownAndResetByANewCategory() {
        ParsedPlan plan = read(NOTICE + """
                十一、第十一类。|(二)乙小类。|1|要求一。|省司法厅负责落实|年底前
                ||2|要求二。|省司法厅负责落实|年底前
                十二、第十二类。||3|要求三。|省司法厅负责落实|年底前
                |（三）丙小类。|4|要求四。|省司法厅负责落实|年底前
                """);
        assertEquals(List.of(), plan.problems());
        List<ParsedTask> tasks = plan.tasks();
        assertEquals(new Heading(11, "第十一类。"), tasks.get(1).category());
        assertEquals(new Heading(2, "乙小类。"), tasks.get(1).subcategory());
        assertEquals(new Heading(12, "第十二类。"), tasks.get(2).category());
        assertNull(tasks.get(2).subcategory());
        assertEquals(new Heading(3, "丙小类。"), tasks.get(3).subcategory());
    }

    @Test
    void headingsOnTheirOwnRowsCount() {
        ParsedPlan plan = read(NOTICE + "一、第一类。\n（一）第一小类。\n|1|要求一。|省司法厅负责落实|年底前\n");
        assertEquals(List.of(), plan.problems());
        assertEquals(new Heading(1, "第一小类。"), plan.tasks().get(0).subcategory());
    }

    @Test
    void cellsAreCleaned() {
        ParsedPlan plan = read(NOTICE + """
                一、第一类。|（一）小类。| １ |<p>要求&nbsp;一。</p>| <span>省司法厅负责落实</span> |\u3000年底前\u3000
                ||2 、要求二。|省司法厅负责落实|年底前
                ||3.要求三。|省司法厅负责落实|年底前
                ||1 0|要求十。|省司法厅负责落实|年底前
                """);
        ParsedTask first = plan.tasks().get(0);
        assertEquals(new ParsedTask(1, new Heading(1, "第一类。"), new Heading(1, "小类。"), "要求 一。", "省司法厅负责落实",
                "年底前", 7), first);
        assertEquals("要求二。", plan.tasks().get(1).requirement());
        assertEquals("要求三。", plan.tasks().get(2).requirement());
        // the extraction spaced out the digits of 10
        assertEquals(10, plan.tasks().get(3).number());
    }

    @Test
    void aRequirementOpeningWithAYearIsNotTakenForItsNumber() {
        ParsedPlan plan = read(withTasks(1) + "||2021年以来的要求。|省司法厅负责落实|年底前\n");
        assertEquals(List.of("The row has no task number, so it cannot be read as a task."), reasons(plan));
    }

    @Test
    void repeatedPageHeadersTitlesAndPageNumbersAreSkipped() {
        ParsedPlan plan = read(withTasks(1) + "— 2 —\n安徽省 2022 年政务公开重点工作任务分工\n工作任务||具体要求|责任单位|时限要求\n"
                + row(2));
        assertEquals(List.of(), plan.problems());
        assertEquals(2, plan.tasks().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            皖政务办〔2022〕3号
            皖政务办[2022]3号
            皖政务办(2022)3号
            皖政务办（2022）3号
            皖政务办﹝2022﹞3号
            皖政务办【2022】3号
            皖政务办 〔 2022 〕 3 号
            皖政务办〔２０２２〕３号
            皖政务办〔2022〕第3号
            """)
    void documentNumbersAreNormalised(String written) {
        String text = NOTICE.replace("皖政务办〔2022〕3号", written);
        assertEquals("皖政务办〔2022〕3号", read(text + row(1)).metadata().documentNumber());
    }

    @Test
    void aDocumentNumberWithAShortYearIsReported() {
        ParsedPlan plan = read(NOTICE.replace("〔2022〕", "〔22〕") + "一、类。|（一）小类。|" + row(1));
        assertEquals(List.of(new LineProblem(2, "皖政务办〔22〕3号",
                "The document number must give the year in four digits, as in 皖政务办〔2022〕3号.")), plan.problems());
        assertNull(plan.metadata().documentNumber());
    }

    @Test
    void theDateMayBeSpacedButMustExist() {
        assertEquals(LocalDate.of(2022, 6, 6),
                read(NOTICE.replace("2022年6月6日", "2022 年 6 月 6 日")).metadata().issuedOn());
        ParsedPlan impossible = read(NOTICE.replace("2022年6月6日", "2022年2月30日") + "一、类。|（一）小类。|" + row(1));
        assertEquals(List.of("The issue date is not a real calendar date."), reasons(impossible));
    }

    @Test
    void withoutASignatureTheLetterheadIsTheIssuer() {
        PlanMetadata metadata = read("""
                安徽省人民政府办公厅
                皖政务办〔2023〕5号
                安徽省 2023 年政务公开重点工作任务分工
                """).metadata();
        assertEquals(new PlanMetadata("安徽省2023年政务公开重点工作任务分工", "皖政务办〔2023〕5号", "安徽省人民政府办公厅", null, 2023),
                metadata);
    }

    @Test
    void withoutATitleLineTheNoticeNamesThePlan() {
        PlanMetadata metadata = read("""
                皖政务办〔2022〕3号
                安徽省政务公开办公室关于印发《安徽省 2022 年政务公开重点工作任务分工》的通知
                各市、县人民政府办公室：
                现将有关事项通知如下。
                安徽省政务公开办公室
                2022年6月6日
                """).metadata();
        assertEquals("安徽省2022年政务公开重点工作任务分工", metadata.title());
        assertEquals("安徽省政务公开办公室", metadata.issuer());
    }

    @Test
    void theYearComesFromTheTitleElseTheDocumentNumber() {
        assertEquals(2023, read("皖政务办〔2022〕9号\n安徽省2023年政务公开重点工作任务分工\n").metadata().year());
        assertEquals(2022, read("皖政务办〔2022〕9号\n安徽省政务公开重点工作任务分工\n").metadata().year());
        assertEquals(List.of("documentNumber", "issuer", "issuedOn", "year"),
                read("安徽省政务公开重点工作任务分工\n").metadata().missingFields());
    }

    @Test
    void problemsQuoteLongRowsShortened() {
        String longRequirement = "很长的要求".repeat(30);
        ParsedPlan plan = read(withTasks(1) + "||" + longRequirement + "|省司法厅负责落实|年底前\n");
        String quoted = plan.problems().get(0).text();
        assertEquals(81, quoted.length());
        assertTrue(quoted.endsWith("…"));
    }
}
