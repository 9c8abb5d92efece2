package org.duban.task.score;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The score formula and the ranking, case by case (plain Java). */
class ScoreRulesTest {

    private static final Weights DEFAULT = new Weights(40, 30, 15, 15);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # case                              | fellDue | onTime | cappedDays | ackDue | ackOnTime | reportsDue | reportsOnTime | score
            nothing due yet: full marks         | 0       | 0      | 0          | 0      | 0         | 0          | 0             | 100.0
            all on time                         | 4       | 4      | 0          | 4      | 4         | 12         | 12            | 100.0
            half on time, 15 of 60 days lost    | 2       | 1      | 15         | 2      | 2         | 4          | 4             | 72.5
            one overdue at the cap              | 1       | 0      | 30         | 1      | 0         | 2          | 0             | 0.0
            11 overdue days of 30               | 1       | 0      | 11         | 1      | 0         | 1          | 0             | 19.0
            thirds round once, half up          | 3       | 1      | 0          | 3      | 1         | 3          | 1             | 53.3
            two thirds everywhere               | 3       | 2      | 30         | 3      | 2         | 3          | 2             | 66.7
            reports only missing                | 2       | 2      | 0          | 2      | 2         | 3          | 2             | 95.0
            """)
    void theScoreIsTheWeightedRates(String name, long fellDue, long onTime, long cappedDays, long ackDue, long ackOnTime,
                                    long reportsDue, long reportsOnTime, String score) {
        UnitTally t = new UnitTally("gov-340100", "合肥市人民政府", 10, onTime, onTime, 0, cappedDays, cappedDays, fellDue, ackDue,
                ackOnTime, ackOnTime, reportsDue, reportsOnTime);
        assertEquals(new BigDecimal(score), ScoreRules.score(t, DEFAULT, 30).score(), name);
    }

    @Test
    void thePartsSayHowTheScoreCameAbout() {
        UnitTally t = new UnitTally("gov-340200", "芜湖市人民政府", 3, 2, 1, 0, 4, 4, 2, 3, 3, 3, 4, 2);
        ScoreRules.Score s = ScoreRules.score(t, DEFAULT, 30);
        assertEquals(new BigDecimal("70.5"), s.score());
        assertEquals(List.of(new BigDecimal("20.00"), new BigDecimal("28.00"), new BigDecimal("15.00"), new BigDecimal("7.50")),
                s.parts().stream().map(ScoreRules.Part::points).toList());
        assertEquals(new BigDecimal("0.9333"), s.parts().get(1).rate());
        assertEquals("按期报送进展2期，应报送4期", s.parts().get(3).basis());
    }

    @Test
    void otherWeightsAndCapsCount() {
        UnitTally t = new UnitTally("gov-340200", "芜湖市人民政府", 3, 2, 1, 0, 4, 4, 2, 3, 3, 3, 4, 2);
        // completion only: 1 of 2 on time
        assertEquals(new BigDecimal("50.0"), ScoreRules.score(t, new Weights(100, 0, 0, 0), 30).score());
        // overdue only, cap 4 days: the one late assignment lost all of its share: 1 − 4/8
        assertEquals(new BigDecimal("50.0"), ScoreRules.score(t, new Weights(0, 100, 0, 0), 4).score());
    }

    @Test
    void equalScoresShareARankAndFewerOverdueDaysComeFirst() {
        List<ScoreRules.Ranked<String>> ranked = ScoreRules.rank(List.of(
                new ScoreRules.Scored<>("b", new BigDecimal("70.0"), 0, "gov-340300"),
                new ScoreRules.Scored<>("a", new BigDecimal("92.5"), 0, "gov-340100"),
                new ScoreRules.Scored<>("d", new BigDecimal("70.0"), 0, "ah-fgw"),
                new ScoreRules.Scored<>("e", new BigDecimal("0.0"), 41, "gov-340123"),
                new ScoreRules.Scored<>("c", new BigDecimal("0.0"), 30, "gov-340300")));
        assertEquals(List.of("a", "d", "b", "c", "e"), ranked.stream().map(ScoreRules.Ranked::unit).toList());
        assertEquals(List.of(1, 2, 2, 4, 4), ranked.stream().map(ScoreRules.Ranked::rank).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            40,30,15,15  | 
            100,0,0,0    | 
            40,30,15,10  | weights: must add up to 100, not 95 (各项权重之和应为100，当前为95)
            50,60,-5,-5  | weights.acknowledge: must be a whole number from 0 to 100 (权重应为0至100之间的整数)
            40,30,15,    | weights.reports: is required (权重不能为空)
            """)
    void weightsAreNonNegativeAndAddUpTo100(String weights, String problem) {
        String[] w = weights.split(",", -1);
        Weights ws = new Weights(value(w[0]), value(w[1]), value(w[2]), value(w[3]));
        List<String> found = ws.problems("weights").stream().map(e -> e.field() + ": " + e.message()).toList();
        if (problem == null) {
            assertEquals(List.of(), found);
        } else {
            assertEquals(problem, found.getFirst());
        }
    }

    private static Integer value(String s) {
        return s.isBlank() ? null : Integer.valueOf(s.strip());
    }
}
