-- 签收 and 节点 (milestones) in reminder-service's copy, from duban.assignment.acknowledged and
-- duban.assignment.milestone-changed; the reminders ACKNOWLEDGE_DUE, MILESTONE_DUE and MILESTONE_OVERDUE.

ALTER TABLE assignment_copy ADD COLUMN acknowledged_at TIMESTAMPTZ;
-- Work not signed for yet, by the day it was issued (anchor_date): what ACKNOWLEDGE_DUE reads.
CREATE INDEX assignment_copy_unsigned ON assignment_copy (anchor_date, plan_id)
    WHERE active AND unit_code IS NOT NULL AND status = 'NOT_STARTED' AND acknowledged_at IS NULL;

-- One row per milestone, as its latest event showed it; a removed one stays, inactive, so that an older
-- event arriving late cannot bring it back.
CREATE TABLE milestone_copy (
    id            BIGINT       PRIMARY KEY,
    assignment_id BIGINT       NOT NULL,
    title         VARCHAR(200) NOT NULL,
    due_date      DATE         NOT NULL,
    status        VARCHAR(10)  NOT NULL,   -- OPEN, DONE
    active        BOOLEAN      NOT NULL,   -- false once removed
    version       BIGINT       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
-- What a run reads: open milestones by due date.
CREATE INDEX milestone_copy_open_due ON milestone_copy (due_date, assignment_id) WHERE active AND status = 'OPEN';

-- The exactly-once key of a reminder about a milestone names the milestone (0: about the assignment itself),
-- so two milestones of one assignment due the same day are each reminded.
ALTER TABLE reminder ADD COLUMN milestone_id BIGINT NOT NULL DEFAULT 0;
ALTER TABLE reminder DROP CONSTRAINT reminder_pkey;
ALTER TABLE reminder ADD PRIMARY KEY (assignment_id, kind, occasion, milestone_id);

ALTER TABLE notification ADD COLUMN milestone_id BIGINT;
DROP INDEX notification_once;
CREATE UNIQUE INDEX notification_once ON notification (unit_code, assignment_id, kind, occasion, COALESCE(milestone_id, 0));
