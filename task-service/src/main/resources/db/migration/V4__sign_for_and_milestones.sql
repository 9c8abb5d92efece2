-- 签收 (sign-for): who of the unit signed for an assignment, and when; set once.
ALTER TABLE assignment ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE assignment ADD COLUMN acknowledged_by VARCHAR(100);

-- 节点 (milestones) inside an assignment: due no later than the assignment itself.
CREATE TABLE milestone (
    id            BIGSERIAL    PRIMARY KEY,
    assignment_id BIGINT       NOT NULL REFERENCES assignment (id),
    title         VARCHAR(200) NOT NULL,
    due_date      DATE         NOT NULL,
    status        VARCHAR(10)  NOT NULL,   -- OPEN, DONE
    set_by        VARCHAR(10)  NOT NULL,   -- OFFICE, UNIT: who planned it (a unit edits only its own)
    done_at       TIMESTAMPTZ,
    done_by       VARCHAR(100),
    note          TEXT,                    -- what the unit wrote when it reported the milestone done
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX milestone_assignment ON milestone (assignment_id, due_date, id);

-- The evidence (佐证材料) named when a milestone was reported done, in the order given. The attachments
-- themselves are the evidence feature's; only their ids are kept here.
CREATE TABLE milestone_attachment (
    milestone_id  BIGINT NOT NULL REFERENCES milestone (id) ON DELETE CASCADE,
    attachment_id BIGINT NOT NULL,
    position      INT    NOT NULL,
    PRIMARY KEY (milestone_id, position),
    UNIQUE (milestone_id, attachment_id)
);
-- which milestones name an attachment (the evidence feature asks before removing one)
CREATE INDEX milestone_attachment_attachment ON milestone_attachment (attachment_id);
