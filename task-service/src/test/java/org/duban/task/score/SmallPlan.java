package org.duban.task.score;

import org.duban.task.ScriptedClock;

/**
 * The hand-computed plan (皖政务办〔2022〕71号): five units, four tasks in two categories, issued on Thursday
 * 29 September 2022 — so its sign-for window of three working days runs over the National Day holiday and ends on
 * Sunday 9 October, a working day (调休) — and a story of dated events up to 30 November. The expected figures
 * are worked out in {@link ScorecardTest}. Imported and played once per test JVM.
 */
final class SmallPlan {

    static final String HEFEI = "gov-340100";
    static final String WUHU = "gov-340200";
    static final String BENGBU = "gov-340300";
    static final String FEIXI = "gov-340123";
    static final String FGW = "ah-fgw";

    private static final String TEXT = """
            安徽省人民政府办公厅

            皖政务办〔2022〕71号

            安徽省政务公开办公室关于印发安徽省2022年考核样例重点工作任务分工的通知

            各市、县人民政府办公室（政务公开办公室），省有关单位办公室：

            现将《安徽省2022年考核样例重点工作任务分工》印发给你们，请认真抓好落实。

            安徽省政务公开办公室

            2022年9月29日

            安徽省2022年考核样例重点工作任务分工

            工作任务\t\t具体要求\t责任单位\t时限要求\t
            一、加强经济领域信息公开，全力营造平稳健康的经济环境。\t(一)加强经济发展的信息公开。\t1\t集中公开推动经济发展相关政策举措。\t合肥市政府、芜湖市政府、蚌埠市政府负责落实\t2022年10月31日前
            \t\t2\t切实做好稳经济大盘一揽子政策举措公开工作。\t合肥市政府、芜湖市政府负责落实\t持续推进
            二、加强社会领域信息公开，切实保障和改善民生。\t(一)加强就业信息公开。\t3\t做好稳就业政策的公开和解读。\t合肥市政府、蚌埠市政府、省发展改革委负责落实\t2022年11月30日前
            \t\t4\t及时发布招聘信息。\t芜湖市政府、肥西县政府负责落实\t2022年10月20日前
            """;

    private static Long id;

    private SmallPlan() {
    }

    static synchronized long id() {
        if (id != null) {
            return id;
        }
        try {
            id = play();
        } finally {
            ScriptedClock.reset();
        }
        return id;
    }

    private static long play() {
        Story.at("2022-09-29T10:00:00");
        long plan = Story.importPlan(TEXT);
        long hefei1 = Story.assignment(plan, 1, HEFEI), hefei2 = Story.assignment(plan, 2, HEFEI), hefei3 = Story.assignment(plan, 3, HEFEI);
        long wuhu1 = Story.assignment(plan, 1, WUHU), wuhu2 = Story.assignment(plan, 2, WUHU), wuhu4 = Story.assignment(plan, 4, WUHU);
        long bengbu1 = Story.assignment(plan, 1, BENGBU);
        long fgw3 = Story.assignment(plan, 3, FGW);

        Story.at("2022-09-30T09:00:00");               // Hefei signs for everything the next day
        Story.acknowledge(hefei1, HEFEI);
        Story.acknowledge(hefei2, HEFEI);
        Story.acknowledge(hefei3, HEFEI);
        Story.at("2022-10-08T10:00:00");               // a working Saturday: Hefei starts task 1
        Story.progress(hefei1, HEFEI, "已梳理政策清单，正在集中公开。");
        Story.at("2022-10-09T16:00:00");               // Wuhu on the window's last day (a working Sunday)
        Story.acknowledge(wuhu1, WUHU);
        Story.acknowledge(wuhu2, WUHU);
        Story.acknowledge(wuhu4, WUHU);
        Story.at("2022-10-10T09:30:00");               // Bengbu a day late, and only task 1
        Story.acknowledge(bengbu1, BENGBU);
        Story.at("2022-10-12T11:00:00");
        Story.acknowledge(fgw3, FGW);                  // late
        Story.progress(hefei2, HEFEI, "10月已公开稳经济政策措施12条。");
        Story.at("2022-10-15T10:00:00");               // a Saturday, not a working day: reports count all the same
        Story.progress(wuhu1, WUHU, "已完成政策梳理。");
        Story.at("2022-10-18T10:00:00");               // Wuhu's task 4: due 20 October, extended to 15 November
        Story.extend(wuhu4, WUHU, "2022-11-15");
        Story.at("2022-10-25T15:00:00");
        Story.submit(hefei1, HEFEI);
        Story.at("2022-10-28T10:00:00");
        Story.complete(hefei1);                        // on time (due 31 October)
        Story.at("2022-11-02T10:00:00");
        Story.progress(hefei3, HEFEI, "已制定稳就业政策解读方案。");
        Story.at("2022-11-03T10:00:00");
        Story.submit(wuhu1, WUHU);
        Story.at("2022-11-04T10:00:00");
        Story.complete(wuhu1);                         // four days late
        Story.at("2022-11-05T10:00:00");
        Story.progress(wuhu2, WUHU, "11月已公开政策举措8条。");
        Story.at("2022-11-10T10:00:00");
        Story.submit(wuhu4, WUHU);
        Story.at("2022-11-14T10:00:00");
        Story.complete(wuhu4);                         // on time (due 15 November since the extension)
        Story.at("2022-11-15T10:00:00");
        Story.progress(fgw3, FGW, "已在门户网站开设稳就业专栏。");
        Story.at("2022-11-20T10:00:00");
        Story.progress(hefei2, HEFEI, "11月已公开稳经济政策措施9条。");
        Story.at("2022-11-29T10:00:00");
        Story.submit(hefei3, HEFEI);
        Story.at("2022-11-30T17:00:00");
        Story.complete(hefei3);                        // on the due date: on time
        return plan;
    }
}
