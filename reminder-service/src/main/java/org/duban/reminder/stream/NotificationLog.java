package org.duban.reminder.stream;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.duban.reminder.inbox.Notification;
import org.duban.reminder.inbox.NotificationView;

import java.util.List;
import java.util.Optional;

/**
 * The notifications in id order, for the live inbox. Ids become visible in id order (the
 * {@code notification_commit_order} trigger of V9), so "after id N" never misses one committed later.
 */
@ApplicationScoped
@Transactional
public class NotificationLog {

    private final EntityManager em;

    NotificationLog(EntityManager em) {
        this.em = em;
    }

    /** The newest notification's id; 0 when there is none. */
    public long latestId() {
        return ((Number) em.createNativeQuery("SELECT coalesce(max(id), 0) FROM notification").getSingleResult()).longValue();
    }

    /** Up to {@code limit} notifications after {@code id}, oldest first; only {@code unit}'s when given. */
    public List<NotificationView> after(long id, Optional<String> unit, int limit) {
        Parameters params = Parameters.with("id", id);
        String query = "id > :id";
        if (unit.isPresent()) {
            query += " AND unitCode = :unit";
            params.and("unit", unit.get());
        }
        return Notification.<Notification>find(query, Sort.ascending("id"), params).page(Page.ofSize(limit)).list().stream()
                .map(NotificationView::of).toList();
    }
}
