-- Pages of a plan's or a unit's assignments in the default order (due date, task number, id) are
-- read from an index instead of sorting every matching row for each page.
CREATE INDEX IF NOT EXISTS assignment_plan_order ON assignment (plan_id, due_date, task_number, id) WHERE NOT superseded;
CREATE INDEX IF NOT EXISTS assignment_unit_order ON assignment (unit_code, due_date, task_number, id) WHERE NOT superseded;
