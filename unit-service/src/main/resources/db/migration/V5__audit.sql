-- The audit trail: every successful write in every service (AuditFilter in each, through its outbox to
-- duban.audit), stored here once per event id and kept for duban.audit.retention (400 days by default).
CREATE TABLE audit_entry (
    id             BIGSERIAL    PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,        -- the CloudEvent id: a redelivered event is stored once
    service        VARCHAR(60)  NOT NULL,
    actor          VARCHAR(200) NOT NULL,
    subject        VARCHAR(200),
    roles          TEXT[]       NOT NULL DEFAULT '{}',
    unit_code      VARCHAR(40),
    method         VARCHAR(10)  NOT NULL,
    path           VARCHAR(2000) NOT NULL,
    template       VARCHAR(500) NOT NULL,
    action         VARCHAR(520) NOT NULL,
    resource_id    VARCHAR(200),
    status         INT          NOT NULL,
    address        VARCHAR(100),
    forwarded_for  VARCHAR(300),
    user_agent     VARCHAR(300),
    request_id     VARCHAR(128),
    at             TIMESTAMPTZ  NOT NULL,
    received_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at DESC);
CREATE INDEX audit_entry_unit ON audit_entry (unit_code, at DESC);
