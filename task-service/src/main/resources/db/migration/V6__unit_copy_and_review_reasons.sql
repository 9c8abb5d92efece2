-- task-service's own copy of unit-service's registry, read from the compacted topic duban.units: the
-- name and whether the unit is active, at the latest version applied. Assignments follow it: a rename
-- reaches their unit_name, a deactivation flags their open work for the office (UnitChanges).
CREATE TABLE unit_copy (
    code       VARCHAR(40)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL,
    version    BIGINT       NOT NULL,
    applied_at TIMESTAMPTZ  NOT NULL
);

-- Why the office has to look at an assignment (reasons joined by ；); NULL when review_needed is false.
ALTER TABLE assignment ADD COLUMN review_reason VARCHAR(1000);
UPDATE assignment a SET review_reason = NULLIF(concat_ws('；',
        CASE WHEN a.unit_code IS NULL AND a.group_code IS NOT NULL THEN '责任单位“' || a.unit_name || '”为泛指表述，请明确具体承办单位'
             WHEN a.unit_code IS NULL THEN '责任单位“' || a.unit_name || '”未能识别，请明确承办单位' END,
        CASE WHEN t.deadline_review_needed THEN '时限要求“' || t.deadline_text || '”不明确，请明确完成时限' END), '')
    FROM task t WHERE t.id = a.task_id AND a.review_needed;
-- the office's queue (GET /api/assignments?reviewNeeded=true) in its default order
CREATE INDEX assignment_review ON assignment (due_date, task_number, id) WHERE review_needed AND NOT superseded;
