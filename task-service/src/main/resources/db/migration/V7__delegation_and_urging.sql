-- 层层分解 (delegation down the levels): a unit breaks its share down to units of its own subtree. A child is a
-- full assignment of the same task; parent_id names the share it was delegated from, delegated_by the unit that
-- delegated it (its supervisor), depth counts the levels (0: issued by the office's plan). supervisors lists the
-- units of every share above it, '|gov-340100|gov-340123|', so that a unit reads the whole tree below its own
-- share with one condition. child_count and children_completed roll progress up; they move with the children.
ALTER TABLE assignment ADD COLUMN parent_id          BIGINT REFERENCES assignment (id);
ALTER TABLE assignment ADD COLUMN delegated_by       VARCHAR(40);
ALTER TABLE assignment ADD COLUMN depth              INT NOT NULL DEFAULT 0;
ALTER TABLE assignment ADD COLUMN supervisors        VARCHAR(2000);
ALTER TABLE assignment ADD COLUMN child_count        INT NOT NULL DEFAULT 0;
ALTER TABLE assignment ADD COLUMN children_completed INT NOT NULL DEFAULT 0;

-- one share per unit (and qualifier) per task as the office issued it; a delegated share of the same unit (肥西县
-- answers for task 22 to the province and, for Hefei's share, to Hefei) is another assignment
DROP INDEX assignment_unit_share;
CREATE UNIQUE INDEX assignment_unit_share ON assignment (task_id, unit_code, COALESCE(qualifier, ''))
    WHERE unit_code IS NOT NULL AND NOT superseded AND parent_id IS NULL;
-- a parent gives one unit at most one child
CREATE UNIQUE INDEX assignment_delegation ON assignment (parent_id, unit_code) WHERE parent_id IS NOT NULL AND NOT superseded;
-- what a unit delegated (delegatedBy=, supervisedBy=, its extension queue)
CREATE INDEX assignment_delegated_by ON assignment (delegated_by, due_date, id) WHERE delegated_by IS NOT NULL;

-- the registry's tree, for "only to units of the delegating unit's subtree"
ALTER TABLE unit_copy ADD COLUMN parent_code VARCHAR(40);

-- 催办: one urge per assignment per sender (the office, or a unit) per day in Asia/Shanghai
CREATE TABLE assignment_urge (
    id               BIGSERIAL     PRIMARY KEY,
    assignment_id    BIGINT        NOT NULL REFERENCES assignment (id),
    sender           VARCHAR(40)   NOT NULL,   -- OFFICE, or the sending unit's code
    sender_role      VARCHAR(10)   NOT NULL,   -- OFFICE, LEAD, DELEGATOR
    urged_on         DATE          NOT NULL,   -- the day in Asia/Shanghai
    message          VARCHAR(2000) NOT NULL,
    urged_by         VARCHAR(100)  NOT NULL,
    urged_at         TIMESTAMPTZ   NOT NULL,
    UNIQUE (assignment_id, sender, urged_on)
);
