package org.duban.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Plans of any size in the sample plan's layout (the notice, then the tab-separated table with its page
 * header repeated), for tests and measurements of big imports. Every task goes to one provincial
 * department as lead and to {@code 各市、县（市、区）政府}, which expands into every city and county
 * government: about 121 assignments a task with unit-service's reference data. Ten tasks make a
 * subcategory and ten subcategories a category, as long as the Chinese numerals of the headings reach
 * (99 categories).
 */
public final class SyntheticPlans {

    /** Departments unit-service resolves by these names (they lead tasks of the Anhui 2022 plan). */
    public static final List<String> LEADS = List.of("省发展改革委", "省科技厅", "省经济和信息化厅", "省公安厅", "省财政厅",
            "省人力资源社会保障厅", "省住房城乡建设厅", "省交通运输厅", "省农业农村厅", "省商务厅", "省文化和旅游厅",
            "省卫生健康委", "省国资委", "省市场监管局", "省地方金融监管局", "省能源局");
    /** The expanding group every task names besides its lead. */
    public static final String COUNTIES = "各市、县（市、区）政府";
    private static final List<String> DEADLINES = List.of("年底前", "持续推进", "9月底前", "长期坚持", "10月底前");
    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private SyntheticPlans() {
    }

    /** A plan of {@code tasks} tasks under document number {@code documentNumber} (with 〔year〕), as UTF-8 text. */
    public static byte[] text(String documentNumber, int tasks) {
        if (tasks < 1 || tasks > 9_900) {
            throw new IllegalArgumentException("between 1 and 9900 tasks: " + tasks);
        }
        String title = "安徽省2022年重点工作任务分工（" + tasks + "项）";
        StringBuilder out = new StringBuilder(tasks * 400);
        out.append("安徽省人民政府办公厅\n\n").append(documentNumber).append("\n\n")
                .append("安徽省人民政府办公厅关于印发").append(title).append("的通知\n\n")
                .append("各市、县人民政府，省政府各部门、各直属机构：\n\n")
                .append("现将《").append(title).append("》印发给你们，请认真抓好落实。\n\n")
                .append("安徽省人民政府办公厅\n\n2022年6月6日\n\n")
                .append(title).append("\n\n");
        for (int n = 1; n <= tasks; n++) {
            int category = (n - 1) / 100 + 1;
            int subcategory = (n - 1) / 10 % 10 + 1;
            boolean newSubcategory = (n - 1) % 10 == 0;
            if (newSubcategory) {
                out.append("\n工作任务\t\t具体要求\t责任单位\t时限要求\t\n"); // the header each page repeats
                out.append(numeral(category)).append("、").append(categoryTitle(category));
            }
            out.append('\t');
            if (newSubcategory) {
                out.append('(').append(numeral(subcategory)).append(')').append(subcategoryTitle(category, subcategory));
            }
            String lead = LEADS.get((n - 1) % LEADS.size());
            out.append('\t').append(n).append('\t').append(requirement(n, lead)).append('\t')
                    .append(lead).append("牵头，").append(COUNTIES).append("负责落实").append('\t')
                    .append(DEADLINES.get((n - 1) % DEADLINES.size())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The lead department of task {@code number} (1-based). */
    public static String lead(int number) {
        return LEADS.get((number - 1) % LEADS.size());
    }

    /** 1 → 一, 10 → 十, 21 → 二十一, up to 99. */
    static String numeral(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("headings are numbered 一 to 九十九: " + n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        return (n / 10 == 1 ? "" : DIGITS[n / 10]) + "十" + DIGITS[n % 10];
    }

    private static String categoryTitle(int category) {
        return "围绕第" + numeral(category) + "方面重点工作加强信息公开，全力营造公开透明的发展环境。";
    }

    private static String subcategoryTitle(int category, int subcategory) {
        return "加强第" + numeral(category) + "方面第" + numeral(subcategory) + "类事项的信息公开。";
    }

    private static String requirement(int n, String lead) {
        return "围绕第" + n + "项重点任务，" + lead + "会同各地集中公开相关政策举措、工作进展、项目落地等信息，"
                + "强化政策解读，及时回应社会关切，以公开促落实、促规范、促服务。";
    }
}
