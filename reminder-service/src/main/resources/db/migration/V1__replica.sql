-- reminder-service's own copy of what it decides on, built from duban.assignments and duban.units.

-- One row per assignment, as its latest event showed it.
CREATE TABLE assignment_copy (
    id               BIGINT PRIMARY KEY,
    plan_id          BIGINT       NOT NULL,
    task_id          BIGINT       NOT NULL,
    task_number      INT          NOT NULL,
    task_requirement TEXT,
    unit_code        VARCHAR(64),
    unit_name        VARCHAR(200),
    role             VARCHAR(20)  NOT NULL,
    due_date         DATE,
    status           VARCHAR(20)  NOT NULL,
    -- false once a vague group assignment is replaced by the units the office named
    active           BOOLEAN      NOT NULL,
    last_progress_at TIMESTAMPTZ,
    -- ONGOING work is asked for reports in periods counted from this day (creation, Asia/Shanghai)
    anchor_date      DATE         NOT NULL,
    version          BIGINT       NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);

-- What a run reads: open assignments by due date (fixed deadlines) or by start day (ONGOING)
CREATE INDEX assignment_copy_open_due ON assignment_copy (due_date, plan_id)
    WHERE active AND unit_code IS NOT NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS') AND due_date IS NOT NULL;
CREATE INDEX assignment_copy_open_ongoing ON assignment_copy (anchor_date, plan_id)
    WHERE active AND unit_code IS NOT NULL AND status IN ('NOT_STARTED', 'IN_PROGRESS') AND due_date IS NULL;
CREATE INDEX assignment_copy_task_leads ON assignment_copy (task_id) WHERE role = 'LEAD' AND active;

-- Units and how to reach them, from the compacted duban.units topic.
CREATE TABLE unit_contact (
    code       VARCHAR(64) PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    email      VARCHAR(320),
    active     BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Where each consumed partition stands, written in the same transaction as the events' effects; an
-- empty database has no rows, so a new replica reads the topics from the start.
CREATE TABLE consumer_offset (
    consumer    VARCHAR(100) NOT NULL,
    topic       VARCHAR(200) NOT NULL,
    partition   INT          NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (consumer, topic, partition)
);
