package org.duban.task.api;

import org.duban.task.domain.Plan;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(name = "Plan")
public record PlanView(
        @Schema(example = "1") long id,
        @Schema(example = "安徽省2022年政务公开重点工作任务分工") String title,
        @Schema(example = "皖政务办〔2022〕3号") String documentNumber,
        @Schema(example = "安徽省政务公开办公室") String issuer,
        @Schema(example = "2022-06-06") LocalDate issuedOn,
        @Schema(example = "2022") int year,
        @Schema(example = "Asia/Shanghai") String timeZone) {

    public static PlanView of(Plan plan) {
        return new PlanView(plan.id, plan.title, plan.documentNumber, plan.issuer, plan.issuedOn, plan.year, plan.timeZone);
    }
}
