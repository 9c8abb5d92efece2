package org.duban.reminder.inbox;

import org.duban.events.NotificationSent;

/** An inbox entry as the {@code duban.notification.sent} digest carries it: as the REST API shows it, field for field (a test keeps the two lists equal). */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    public static NotificationSent.Notification of(NotificationView view) {
        return new NotificationSent.Notification(view.id(), view.unitCode(), view.assignmentId(), view.taskNumber(),
                view.milestoneId(), view.kind().name(), view.title(), view.body(), view.dueDate(), view.occasion(), view.createdAt(), view.readAt());
    }
}
