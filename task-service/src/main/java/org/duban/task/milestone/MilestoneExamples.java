package org.duban.task.milestone;

/** The OpenAPI examples the milestone resources share. */
final class MilestoneExamples {

    private MilestoneExamples() {
    }

    static final String MILESTONE_EXAMPLE = """
            {"id": 12, "assignmentId": 1042, "title": "报送工作方案", "dueDate": "2022-07-06", "status": "OPEN",
             "overdue": false, "setBy": "OFFICE", "attachmentIds": [], "createdBy": "office",
             "createdAt": "2022-06-06T02:00:00Z", "updatedAt": "2022-06-06T02:00:00Z", "version": 0}""";
    static final String DONE_EXAMPLE = """
            {"id": 12, "assignmentId": 1042, "title": "报送工作方案", "dueDate": "2022-07-06", "status": "DONE",
             "overdue": false, "setBy": "OFFICE", "doneAt": "2022-07-05T06:00:00Z", "doneBy": "hefei",
             "note": "工作方案已于7月5日报送省政务公开办", "attachmentIds": [501], "createdBy": "office",
             "createdAt": "2022-06-06T02:00:00Z", "updatedAt": "2022-07-05T06:00:00Z", "version": 1}""";
    static final String BOUND_PROBLEM = """
            {"type": "urn:duban:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "dueDate: must be on or before the assignment's due date 2022-06-30",
             "errors": [{"field": "dueDate", "message": "must be on or before the assignment's due date 2022-06-30"}]}""";

}
