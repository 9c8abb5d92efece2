#!/usr/bin/env bash
# redmine-seed.sh [N] — seed the Redmine peer directly in SQL (default N=200000 issues).
#
# Shape (mirrors the task-tracking service's data):
#   - 3 plans            -> 3 Redmine projects (plan-a-2022, plan-b-2022, plan-c-2022),
#                           issue tracking enabled, all trackers enabled
#   - ~165 units         -> 165 Redmine users (assignees), members of every project with
#                           the assignable "Developer" role; names come from
#                           ../shared/data (45 Anhui provincial units + 16 cities + 104
#                           county-level divisions) when present, else "Unit NNN"
#   - 44 tasks per plan  -> each task expanded into one issue per assignee unit:
#                           3 x 44 x 165 = 21,780 (task, unit) assignments; to reach N each
#                           assignment recurs R = ceil(N / 21,780) times over 2022 (periodic
#                           deadlines), due dates spread over the year
#   - status by due date: due before 2022-07-01 -> 95% Closed, 3% New, 2% In Progress
#                         due from 2022-07-01   -> 10% Closed, 30% In Progress, 60% New
#     so "assigned_to_id=<unit>&status_id=open&due_date=<=2022-07-01" hits ~N/165/2*5% rows
#     (about 30 at N=200k).
# Re-running replaces the previous seed (issues are truncated). Needs redmine-up.sh first
# (schema, default data, $PEER_DIR/pg.env). Redmine may keep running.
set -euo pipefail
N=${1:-200000}
PEER_DIR=${PEER_DIR:-/tmp/peer}
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${SEED_DATA_DIR:-$HERE/../../../../unit-service/src/main/resources/seed}
[ -f "$PEER_DIR/pg.env" ] || { echo "run redmine-up.sh first ($PEER_DIR/pg.env missing)" >&2; exit 1; }
. "$PEER_DIR/pg.env"
log() { printf '[redmine-seed %s] %s\n' "$(date +%T)" "$*" >&2; }
T0=$(date +%s.%N)

# ---------------------------------------------------------------- units (CSV: n,login,firstname,lastname)
units_csv() {
  if [ -f "$DATA/anhui-provincial-units.csv" ] && [ -f "$DATA/anhui-divisions.csv" ]; then
    {
      awk -F, 'NR>1 && $1!="" {print $1","$2}' "$DATA/anhui-provincial-units.csv"
      awk -F, 'NR>1 && ($3=="CITY" || $3=="COUNTY") {print $2","$2"人民政府"}' "$DATA/anhui-divisions.csv"
    } | awk -F, '{printf "%d,unit%03d,%s,%s\n", NR-1, NR, $1, $2}'
  else
    for i in $(seq 1 "${SEED_UNITS:-165}"); do printf '%d,unit%03d,Unit,%03d\n' $((i-1)) "$i" "$i"; done
  fi
}

log "seeding N=$N issues into $PGDATABASE on $PGHOST:$PGPORT"
{
cat <<'SQL'
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
BEGIN;
CREATE TEMP TABLE seed_units (n int PRIMARY KEY, login text, firstname text, lastname text, user_id int) ON COMMIT DROP;
COPY seed_units (n, login, firstname, lastname) FROM STDIN WITH (FORMAT csv);
SQL
units_csv
cat <<'SQL'
\.
-- ---------------------------------------------------------- wipe a previous seed
TRUNCATE issues, issue_relations, journals, journal_details, watchers, time_entries RESTART IDENTITY;
CREATE TEMP TABLE old_projects ON COMMIT DROP AS SELECT id FROM projects WHERE identifier LIKE 'plan-%-2022';
CREATE TEMP TABLE old_users    ON COMMIT DROP AS SELECT id FROM users WHERE login ~ '^unit[0-9]+$';
DELETE FROM member_roles WHERE member_id IN (SELECT id FROM members WHERE project_id IN (SELECT id FROM old_projects) OR user_id IN (SELECT id FROM old_users));
DELETE FROM members WHERE project_id IN (SELECT id FROM old_projects) OR user_id IN (SELECT id FROM old_users);
DELETE FROM enabled_modules   WHERE project_id IN (SELECT id FROM old_projects);
DELETE FROM projects_trackers WHERE project_id IN (SELECT id FROM old_projects);
DELETE FROM projects          WHERE id IN (SELECT id FROM old_projects);
DELETE FROM email_addresses   WHERE user_id IN (SELECT id FROM old_users);
DELETE FROM users             WHERE id IN (SELECT id FROM old_users);

-- ---------------------------------------------------------- units -> users
UPDATE seed_units SET user_id = nextval('users_id_seq');
INSERT INTO users (id, login, hashed_password, firstname, lastname, admin, status, language,
                   created_on, updated_on, type, mail_notification, must_change_passwd, twofa_required)
SELECT user_id, login, '', left(firstname, 30), lastname, false, 1, 'en',
       timestamp '2021-12-01', timestamp '2021-12-01', 'User', 'only_my_events', false, false
FROM seed_units;
INSERT INTO email_addresses (user_id, address, is_default, notify, created_on, updated_on)
SELECT user_id, login || '@units.example', true, true, timestamp '2021-12-01', timestamp '2021-12-01' FROM seed_units;

-- ---------------------------------------------------------- plans -> projects (root nested set)
CREATE TEMP TABLE seed_plans ON COMMIT DROP AS
SELECT p, nextval('projects_id_seq')::int AS id, name, ident
FROM (VALUES (0, '2022 Plan A — government affairs disclosure key tasks', 'plan-a-2022'),
             (1, '2022 Plan B — provincial service standardisation',      'plan-b-2022'),
             (2, '2022 Plan C — digital government work points',           'plan-c-2022')) v(p, name, ident);
INSERT INTO projects (id, name, description, homepage, is_public, parent_id, created_on, updated_on,
                      identifier, status, lft, rgt, inherit_members)
SELECT sp.id, sp.name, 'Key-task assignment plan (benchmark seed)', '', true, NULL,
       timestamp '2021-12-15', timestamp '2021-12-15', sp.ident, 1,
       base.r + 2*sp.p + 1, base.r + 2*sp.p + 2, false
FROM seed_plans sp, (SELECT coalesce(max(rgt), 0) AS r FROM projects) base;
INSERT INTO enabled_modules (project_id, name)
SELECT id, m FROM seed_plans, unnest(ARRAY['issue_tracking','calendar','gantt']) m;
INSERT INTO projects_trackers (project_id, tracker_id) SELECT sp.id, t.id FROM seed_plans sp, trackers t;
CREATE TEMP TABLE seed_members ON COMMIT DROP AS
SELECT nextval('members_id_seq')::int AS id, u.user_id, sp.id AS project_id FROM seed_units u, seed_plans sp;
INSERT INTO members (id, user_id, project_id, created_on, mail_notification)
SELECT id, user_id, project_id, timestamp '2021-12-15', false FROM seed_members;
INSERT INTO member_roles (member_id, role_id)
SELECT m.id, (SELECT id FROM roles WHERE name = 'Developer') FROM seed_members m;

-- ---------------------------------------------------------- issues
SELECT count(*) AS units, 3 * 44 * count(*) AS pairs FROM seed_units \gset
SELECT ceil(:N::numeric / :pairs)::int AS rounds \gset
SELECT greatest(365 / :rounds, 1) AS win \gset
SELECT (SELECT id FROM trackers WHERE name = 'Feature')        AS tracker,
       (SELECT id FROM enumerations WHERE type = 'IssuePriority' AND is_default) AS prio,
       (SELECT id FROM users WHERE login = 'admin')               AS author,
       (SELECT id FROM issue_statuses WHERE name = 'New')         AS st_new,
       (SELECT id FROM issue_statuses WHERE name = 'In Progress') AS st_prog,
       (SELECT id FROM issue_statuses WHERE name = 'Closed')      AS st_closed \gset

INSERT INTO issues (id, tracker_id, project_id, subject, description, due_date, status_id,
                    assigned_to_id, priority_id, author_id, lock_version, created_on, updated_on,
                    start_date, done_ratio, root_id, lft, rgt, is_private, closed_on)
SELECT x.g + 1, :tracker, sp.id,
       format('Task %s.%s — %s (round %s of %s)', sp.p + 1, lpad((x.t + 1)::text, 2, '0'),
              su.firstname, x.r + 1, :rounds),
       format('Plan %s, key task %s: publish the required information on the portal, report '
              'progress to the supervising office and keep the evidence on file. Unit: %s. '
              'Deadline round %s.', sp.ident, x.t + 1, su.lastname, x.r + 1),
       x.due, s.status, su.user_id, :prio, :author, 0,
       timestamp '2021-12-15' + x.t * interval '1 hour',
       CASE WHEN s.status = :st_closed THEN x.due + interval '17 hours'
            ELSE timestamp '2021-12-15' + x.t * interval '1 hour' END,
       x.due - 14,
       CASE s.status WHEN :st_closed THEN 100 WHEN :st_prog THEN 50 ELSE 0 END,
       x.g + 1, 1, 2, false,
       CASE WHEN s.status = :st_closed THEN x.due + interval '17 hours' END
FROM (
  SELECT g, pair / (44 * :units) AS p, (pair / :units) % 44 AS t, pair % :units AS u, r,
         date '2022-01-01' + (r * 365 / :rounds)
                           + ((((pair / :units) % 44) * 37 + (pair % :units) * 11 + (pair / (44 * :units)) * 101) % :win) AS due,
         (hashint4(g) & 2147483647) % 100 AS h
  FROM (SELECT g, g % :pairs AS pair, g / :pairs AS r FROM generate_series(0, :N - 1) g) a
) x
JOIN seed_plans sp ON sp.p = x.p
JOIN seed_units su ON su.n = x.u
CROSS JOIN LATERAL (SELECT CASE
    WHEN x.due < date '2022-07-01' THEN CASE WHEN x.h < 95 THEN :st_closed WHEN x.h < 98 THEN :st_new ELSE :st_prog END
    ELSE CASE WHEN x.h < 10 THEN :st_closed WHEN x.h < 40 THEN :st_prog ELSE :st_new END
  END AS status) s
ORDER BY x.g;
SELECT setval('issues_id_seq', greatest((SELECT max(id) FROM issues), 1)) \g /dev/null
COMMIT;
VACUUM ANALYZE issues;
ANALYZE users; ANALYZE projects; ANALYZE members; ANALYZE member_roles; ANALYZE enabled_modules;
SQL
} | psql -X -q -v N="$N"

T1=$(date +%s.%N)
log "seeded in $(awk -v a="$T0" -v b="$T1" 'BEGIN{printf "%.1f", b-a}') s"
psql -X -At -F' ' <<'SQL'
SELECT 'issues', count(*), 'projects', count(DISTINCT project_id), 'assignees', count(DISTINCT assigned_to_id),
       'due', min(due_date), max(due_date) FROM issues;
SELECT 'status', s.name, count(*) FROM issues i JOIN issue_statuses s ON s.id = i.status_id GROUP BY s.name ORDER BY 2;
SELECT 'open&due<=2022-07-01 per unit: min/avg/max', min(c), round(avg(c), 1), max(c) FROM (
  SELECT u.id, count(i.id) AS c FROM users u LEFT JOIN issues i ON i.assigned_to_id = u.id
     AND i.due_date <= date '2022-07-01'
     AND i.status_id IN (SELECT id FROM issue_statuses WHERE NOT is_closed)
  WHERE u.login ~ '^unit[0-9]+$' GROUP BY u.id) z;
SQL

# ---------------------------------------------------------------- API check (if Redmine runs)
if [ -f "$PEER_DIR/api_key" ] && curl -fsS -o /dev/null http://127.0.0.1:${REDMINE_PORT:-3000}/ 2>/dev/null; then
  UNIT=$(psql -X -At -c "SELECT id FROM users WHERE login='unit001'")
  OUT=$(curl -fsS -H "X-Redmine-API-Key: $(cat "$PEER_DIR/api_key")" \
    "http://127.0.0.1:${REDMINE_PORT:-3000}/issues.json?assigned_to_id=$UNIT&status_id=open&due_date=%3C%3D2022-07-01&limit=50")
  log "API check: GET /issues.json?assigned_to_id=$UNIT&status_id=open&due_date<=2022-07-01 -> $(grep -o '"total_count":[0-9]*' <<<"$OUT"), $(grep -o '"id":[0-9]*,"project"' <<<"$OUT" | wc -l) issues in page"
fi
