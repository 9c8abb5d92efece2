-- A plan (任务分工) with its numbered tasks, and the assignments: one unit's share of one task.
CREATE TABLE plan (
    id              BIGSERIAL    PRIMARY KEY,
    title           VARCHAR(300) NOT NULL,
    document_number VARCHAR(100) NOT NULL,
    issuer          VARCHAR(200),
    issued_on       DATE,
    year            INT          NOT NULL,
    time_zone       VARCHAR(40)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(100) NOT NULL
);
-- importing the same document twice must be impossible, even from two requests at once
CREATE UNIQUE INDEX plan_document_number_key ON plan (document_number);

CREATE TABLE task (
    id                     BIGSERIAL    PRIMARY KEY,
    plan_id                BIGINT       NOT NULL REFERENCES plan (id),
    number                 INT          NOT NULL,
    category_ordinal       INT          NOT NULL,
    category_title         VARCHAR(500) NOT NULL,
    subcategory_ordinal    INT,
    subcategory_title      VARCHAR(500),
    requirement            TEXT         NOT NULL,
    responsibility_text    TEXT         NOT NULL,
    deadline_kind          VARCHAR(10)  NOT NULL,   -- FIXED, ONGOING
    due_date               DATE,
    deadline_text          VARCHAR(200) NOT NULL,
    deadline_review_needed BOOLEAN      NOT NULL,
    UNIQUE (plan_id, number)
);

-- ids come in blocks of 50 (Hibernate's pooled optimiser), so that a plan's thousands of
-- assignments are inserted in batches
CREATE SEQUENCE assignment_id_seq INCREMENT BY 50;
CREATE TABLE assignment (
    id               BIGINT       PRIMARY KEY,
    task_id          BIGINT       NOT NULL REFERENCES task (id),
    plan_id          BIGINT       NOT NULL REFERENCES plan (id),
    task_number      INT          NOT NULL,
    unit_code        VARCHAR(40),              -- null while a vague group waits for the office to name units
    unit_name        VARCHAR(200) NOT NULL,    -- the unit's (or group's) name when assigned
    group_code       VARCHAR(60),              -- the group the assignment came from, if any
    qualifier        VARCHAR(200),             -- e.g. 司法局, 政府办公室（政府网站主管部门）
    role             VARCHAR(12)  NOT NULL,    -- LEAD, RESPONSIBLE
    due_date         DATE,
    status           VARCHAR(12)  NOT NULL,    -- NOT_STARTED, IN_PROGRESS, SUBMITTED, COMPLETED
    review_needed    BOOLEAN      NOT NULL,
    superseded       BOOLEAN      NOT NULL DEFAULT FALSE,  -- a group assignment replaced by named units
    progress_percent INT,
    last_progress_at TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(100) NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    version          BIGINT       NOT NULL DEFAULT 0
);
-- one share per unit (and qualifier) per task
CREATE UNIQUE INDEX assignment_unit_share ON assignment (task_id, unit_code, COALESCE(qualifier, ''))
    WHERE unit_code IS NOT NULL AND NOT superseded;
-- a unit's task list and overdue figures: unit + status + due date
CREATE INDEX assignment_unit_status_due ON assignment (unit_code, status, due_date) WHERE NOT superseded;
CREATE INDEX assignment_plan_status_due ON assignment (plan_id, status, due_date) WHERE NOT superseded;
CREATE INDEX assignment_task ON assignment (task_id);

-- The history of an assignment after its creation (which the assignment row itself records):
-- status changes, progress reports, due-date changes, oldest first.
CREATE TABLE assignment_history (
    id            BIGSERIAL    PRIMARY KEY,
    assignment_id BIGINT       NOT NULL REFERENCES assignment (id),
    kind          VARCHAR(20)  NOT NULL,   -- STATUS_CHANGED, PROGRESS_REPORTED, DUE_DATE_CHANGED, REPLACED
    at            TIMESTAMPTZ  NOT NULL,
    by_user       VARCHAR(100) NOT NULL,
    from_status   VARCHAR(12),
    to_status     VARCHAR(12),
    from_date     DATE,
    to_date       DATE,
    percent       INT,
    note          TEXT
);
CREATE INDEX assignment_history_assignment ON assignment_history (assignment_id, id);

CREATE TABLE extension_request (
    id            BIGSERIAL    PRIMARY KEY,
    assignment_id BIGINT       NOT NULL REFERENCES assignment (id),
    until         DATE         NOT NULL,
    reason        TEXT         NOT NULL,
    status        VARCHAR(10)  NOT NULL,   -- PENDING, APPROVED, REJECTED
    requested_by  VARCHAR(100) NOT NULL,
    requested_at  TIMESTAMPTZ  NOT NULL,
    decided_by    VARCHAR(100),
    decided_at    TIMESTAMPTZ,
    decision_note TEXT,
    version       BIGINT       NOT NULL DEFAULT 0
);
-- at most one open request per assignment
CREATE UNIQUE INDEX extension_request_one_pending ON extension_request (assignment_id) WHERE status = 'PENDING';
CREATE INDEX extension_request_status ON extension_request (status, requested_at);

-- The OA sync feed: every change of an assignment, once, in commit order. Positions are handed out
-- from one counter row whose lock is held until the writing transaction commits, so a reader never
-- sees position n+1 before n.
CREATE TABLE sync_position (
    id   INT    PRIMARY KEY CHECK (id = 1),
    last BIGINT NOT NULL
);
INSERT INTO sync_position (id, last) VALUES (1, 0);

CREATE TABLE sync_change (
    position      BIGINT      PRIMARY KEY,
    assignment_id BIGINT      NOT NULL,
    change_type   VARCHAR(60) NOT NULL,
    changed_at    TIMESTAMPTZ NOT NULL,
    payload       TEXT        NOT NULL     -- the assignment as the REST API shows it, after the change
);
