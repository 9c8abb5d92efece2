-- Reminder policies: one per plan (plan_key = the plan id) and the fallback 'default'.
CREATE TABLE reminder_policy (
    plan_key   VARCHAR(20) PRIMARY KEY,
    settings   JSONB       NOT NULL,
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by VARCHAR(100) NOT NULL
);

-- Each evaluation of the rules, by the scheduler or POST /api/reminders/run.
CREATE TABLE reminder_run (
    id          BIGSERIAL PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL,
    trigger     VARCHAR(20)  NOT NULL,
    started_by  VARCHAR(100) NOT NULL,
    started_at  TIMESTAMPTZ  NOT NULL,
    finished_at TIMESTAMPTZ,
    evaluated   BIGINT       NOT NULL DEFAULT 0,
    sent        BIGINT       NOT NULL DEFAULT 0,
    skipped     BIGINT       NOT NULL DEFAULT 0
);

-- The exactly-once key: an assignment is sent a kind of reminder at most once per occasion, whatever
-- re-runs, restarts, redeliveries or concurrent replicas do.
CREATE TABLE reminder (
    assignment_id BIGINT      NOT NULL,
    kind          VARCHAR(30) NOT NULL,
    occasion      DATE        NOT NULL,
    run_id        BIGINT      NOT NULL REFERENCES reminder_run (id),
    created_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (assignment_id, kind, occasion)
);

-- The in-app inbox: one entry per recipient unit and reminder.
CREATE TABLE notification (
    id            BIGSERIAL PRIMARY KEY,
    unit_code     VARCHAR(64)  NOT NULL,
    assignment_id BIGINT,
    plan_id       BIGINT,
    task_number   INT,
    kind          VARCHAR(30)  NOT NULL,
    occasion      DATE         NOT NULL,
    due_date      DATE,
    title         TEXT         NOT NULL,
    body          TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    read_at       TIMESTAMPTZ,
    run_id        BIGINT REFERENCES reminder_run (id),
    -- set when the unit's digest for this run went to the e-mail, webhook and Kafka channels
    dispatched_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX notification_once ON notification (unit_code, assignment_id, kind, occasion);
CREATE INDEX notification_inbox ON notification (unit_code, created_at DESC, id DESC);
CREATE INDEX notification_to_dispatch ON notification (run_id, unit_code) WHERE dispatched_at IS NULL;

-- E-mail digests waiting to go out or sent; the mail worker retries with backoff.
CREATE TABLE mail_delivery (
    id              BIGSERIAL PRIMARY KEY,
    message_id      VARCHAR(100) NOT NULL UNIQUE,
    unit_code       VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    subject         TEXT         NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX mail_delivery_due ON mail_delivery (next_attempt_at) WHERE status = 'PENDING';

-- Per policy, the latest send date a completed run covered: the next run's window starts there (at
-- most duban.reminders.catch-up-days back), so a run reads only what came due since.
CREATE TABLE reminder_watermark (
    policy_key   VARCHAR(20) PRIMARY KEY,
    sent_through DATE        NOT NULL
);
