package org.duban.task.score;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * How a plan's units are scored: the weights and the rules' settings, the office's or the defaults
 * ({@code defaults: true}, version 0).
 */
@Schema(name = "ScoringSettings", description = "考核设置: the weights of a score's parts and the rules' settings; ETag = version")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoringSettings(
        @Schema(example = "1") long planId,
        Weights weights,
        @Schema(description = "Working days after an assignment was issued within which it is to be signed for", example = "3")
        int acknowledgeWithinDays,
        @Schema(description = "Overdue days of one assignment that cost all of its overdue points; more cost nothing more",
                example = "30") int overdueDaysCap,
        @Schema(description = "Reporting period in calendar months (1, 2, 3, 6 or 12)", example = "1") int reportEveryMonths,
        @Schema(description = "Which assignments owe a report each period", enumeration = {"ALL", "ONGOING"}) String reportScope,
        @Schema(description = "发文机关 of the bulletin; absent: the plan's issuer", example = "安徽省政务公开办公室")
        String bulletinIssuer,
        @Schema(description = "机关代字 of the bulletin's document number", example = "皖政务公开办") String bulletinNumberPrefix,
        @Schema(description = "主送机关 of the bulletin", example = "各市、县人民政府办公室（政务公开办公室），省有关单位办公室：")
        String bulletinAddressee,
        @Schema(description = "True while the office has not set the plan's own settings") boolean defaults,
        @Schema(example = "2") long version,
        Instant updatedAt,
        @Schema(example = "office") String updatedBy) {

    public static final String ALL = "ALL";
    public static final String ONGOING = "ONGOING";

    static ScoringSettings of(PlanScoring s) {
        return new ScoringSettings(s.planId, new Weights(s.completionWeight, s.overdueWeight, s.acknowledgeWeight, s.reportsWeight),
                s.acknowledgeWithinDays, s.overdueDaysCap, s.reportEveryMonths, s.reportScope, s.bulletinIssuer,
                s.bulletinNumberPrefix, s.bulletinAddressee, false, s.version, s.updatedAt, s.updatedBy);
    }

    static ScoringSettings defaults(long planId, ScoringConfig config) {
        return new ScoringSettings(planId, new Weights(config.completionWeight(), config.overdueWeight(), config.acknowledgeWeight(),
                config.reportsWeight()), config.acknowledgeWithinDays(), config.overdueDaysCap(), config.reportEveryMonths(),
                config.reportScope(), null, config.bulletinNumberPrefix(), config.bulletinAddressee(), true, 0, null, null);
    }

    boolean reportsFromAll() {
        return !ONGOING.equals(reportScope);
    }
}
