package org.duban.task.score;

import org.duban.platform.api.Problem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code PUT /api/plans/{id}/scoring}: the whole of a plan's settings; what is left out takes its default. */
@Schema(name = "ScoringRequest", description = "The plan's scoring settings; fields left out take their defaults")
public record ScoringRequest(
        Weights weights,
        @Schema(example = "3") Integer acknowledgeWithinDays,
        @Schema(example = "30") Integer overdueDaysCap,
        @Schema(example = "1") Integer reportEveryMonths,
        @Schema(enumeration = {"ALL", "ONGOING"}) String reportScope,
        @Schema(example = "安徽省政务公开办公室") String bulletinIssuer,
        @Schema(example = "皖政务公开办") String bulletinNumberPrefix,
        @Schema(example = "各市、县人民政府办公室（政务公开办公室），省有关单位办公室：") String bulletinAddressee) {

    static final Set<Integer> PERIODS = Set.of(1, 2, 3, 6, 12);

    List<Problem.FieldError> problems() {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (weights == null) {
            errors.add(new Problem.FieldError("weights", "is required (请设置各项权重)"));
        } else {
            errors.addAll(weights.problems("weights"));
        }
        if (acknowledgeWithinDays != null && (acknowledgeWithinDays < 1 || acknowledgeWithinDays > 30)) {
            errors.add(new Problem.FieldError("acknowledgeWithinDays", "must be from 1 to 30 working days (签收时限应为1至30个工作日)"));
        }
        if (overdueDaysCap != null && (overdueDaysCap < 1 || overdueDaysCap > 366)) {
            errors.add(new Problem.FieldError("overdueDaysCap", "must be from 1 to 366 days (逾期扣分封顶天数应为1至366天)"));
        }
        if (reportEveryMonths != null && !PERIODS.contains(reportEveryMonths)) {
            errors.add(new Problem.FieldError("reportEveryMonths", "must be 1, 2, 3, 6 or 12 (报送周期应为1、2、3、6或12个月)"));
        }
        if (reportScope != null && !reportScope.equals(ScoringSettings.ALL) && !reportScope.equals(ScoringSettings.ONGOING)) {
            errors.add(new Problem.FieldError("reportScope", "must be ALL or ONGOING"));
        }
        text(errors, "bulletinIssuer", bulletinIssuer, 200);
        text(errors, "bulletinNumberPrefix", bulletinNumberPrefix, 60);
        text(errors, "bulletinAddressee", bulletinAddressee, 300);
        return errors;
    }

    private static void text(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value != null && (value.isBlank() || value.length() > max)) {
            errors.add(new Problem.FieldError(field, "must not be blank and at most " + max + " characters"));
        }
    }
}
