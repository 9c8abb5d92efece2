package org.duban.task.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Why an assignment needs the office ({@code reviewReason}): one sentence per reason, in the office's
 * words, joined by ；. An assignment needs review exactly while it has a reason.
 */
public final class ReviewReasons {

    /** Its unit was abolished (deactivated in unit-service) before the work was completed. */
    public static final String UNIT_DEACTIVATED = "责任单位已撤销，请重新明确承办单位";
    private static final String SEPARATOR = "；";

    private ReviewReasons() {
    }

    /** A vague group (省政府各有关部门 …) stands where units should. */
    public static String vagueGroup(String groupText) {
        return "责任单位“" + groupText + "”为泛指表述，请明确具体承办单位";
    }

    /** A name in the responsibility text that matches no unit. */
    public static String unresolvedName(String name) {
        return "责任单位“" + name + "”未能识别，请明确承办单位";
    }

    /** A deadline that could not be read as a date or as ongoing work. */
    public static String unclearDeadline(String deadlineText) {
        return "时限要求“" + deadlineText + "”不明确，请明确完成时限";
    }

    /** {@code reasons} joined; null when there is none. */
    public static String join(String... reasons) {
        List<String> all = new ArrayList<>();
        for (String reason : reasons) {
            if (reason != null && !reason.isBlank()) {
                all.add(reason);
            }
        }
        return all.isEmpty() ? null : String.join(SEPARATOR, all);
    }

    /** {@code reasons} with {@code reason} added, unless it is there already. */
    public static String with(String reasons, String reason) {
        return contains(reasons, reason) ? reasons : join(reasons, reason);
    }

    /** {@code reasons} without {@code reason}; null when none is left. */
    public static String without(String reasons, String reason) {
        if (reasons == null) {
            return null;
        }
        return join(Arrays.stream(reasons.split(SEPARATOR)).filter(r -> !r.equals(reason)).toArray(String[]::new));
    }

    public static boolean contains(String reasons, String reason) {
        return reasons != null && Arrays.asList(reasons.split(SEPARATOR)).contains(reason);
    }
}
