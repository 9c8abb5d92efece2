-- 层层分解 and 催办 in reminder-service's copy: where each assignment stands in the tree (an escalation of
-- delegated work goes to the unit that delegated it), and urges as inbox entries told once per event.

ALTER TABLE assignment_copy ADD COLUMN parent_id BIGINT;
ALTER TABLE assignment_copy ADD COLUMN delegated_by VARCHAR(64);
ALTER TABLE assignment_copy ADD COLUMN depth INT NOT NULL DEFAULT 0;
CREATE INDEX assignment_copy_children ON assignment_copy (parent_id) WHERE parent_id IS NOT NULL;

-- An urge (kind URGE) comes from an event, not a rule: it is kept once per event id, whichever redelivery brings
-- it, and two urges of one assignment on one day (from different senders) are each kept. The rule reminders keep
-- their key (unit, assignment, kind, occasion, milestone).
ALTER TABLE notification ADD COLUMN source_event_id VARCHAR(200);
DROP INDEX notification_once;
CREATE UNIQUE INDEX notification_once ON notification (unit_code, assignment_id, kind, occasion, COALESCE(milestone_id, 0))
    WHERE source_event_id IS NULL;
CREATE UNIQUE INDEX notification_event_once ON notification (source_event_id, unit_code) WHERE source_event_id IS NOT NULL;
