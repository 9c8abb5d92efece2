package org.duban.task.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the notice says about the plan. A sheet may carry no notice at all, so every field can be
 * missing: the import decides whether it can go on without them.
 *
 * @param title the plan's title with the spaces of the extraction removed, e.g. 安徽省2022年政务公开重点工作任务分工
 * @param documentNumber normalised to the 〔year〕 form, e.g. 皖政务办〔2022〕3号
 * @param issuer the office that signed the notice
 * @param issuedOn the signature date
 * @param year the year the title names, else the document number's, else the issue date's; 0 when none does
 */
public record PlanMetadata(String title, String documentNumber, String issuer, LocalDate issuedOn, int year) {

    public static final PlanMetadata NONE = new PlanMetadata(null, null, null, null, 0);

    /** Names of the fields the document did not give, for the import to report. */
    public List<String> missingFields() {
        List<String> missing = new ArrayList<>();
        if (title == null) {
            missing.add("title");
        }
        if (documentNumber == null) {
            missing.add("documentNumber");
        }
        if (issuer == null) {
            missing.add("issuer");
        }
        if (issuedOn == null) {
            missing.add("issuedOn");
        }
        if (year == 0) {
            missing.add("year");
        }
        return missing;
    }
}
