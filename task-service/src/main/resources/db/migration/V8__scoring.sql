-- How the office scores the units of a plan (考核): the weights of the four parts of a score (they add up to 100)
-- and the rules' settings. No row: the defaults of duban.scoring.* (version 0); the first PUT writes version 1.
CREATE TABLE plan_scoring (
    plan_id                 BIGINT       PRIMARY KEY REFERENCES plan (id),
    completion_weight       INT          NOT NULL CHECK (completion_weight >= 0),
    overdue_weight          INT          NOT NULL CHECK (overdue_weight >= 0),
    acknowledge_weight      INT          NOT NULL CHECK (acknowledge_weight >= 0),
    reports_weight          INT          NOT NULL CHECK (reports_weight >= 0),
    acknowledge_within_days INT          NOT NULL,   -- working days after an assignment is issued
    overdue_days_cap        INT          NOT NULL,   -- overdue days beyond this cost nothing more
    report_every_months     INT          NOT NULL,   -- the reporting period: 1, 2, 3, 6 or 12 calendar months
    report_scope            VARCHAR(10)  NOT NULL,   -- ALL, ONGOING: which assignments owe periodic reports
    bulletin_issuer         VARCHAR(200),            -- 发文机关 of the bulletin; NULL: the plan's issuer
    bulletin_number_prefix  VARCHAR(60)  NOT NULL,   -- 机关代字, e.g. 皖政务公开办
    bulletin_addressee      VARCHAR(300) NOT NULL,   -- 主送机关
    version                 BIGINT       NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    updated_by              VARCHAR(100) NOT NULL,
    CHECK (completion_weight + overdue_weight + acknowledge_weight + reports_weight = 100)
);
-- a scorecard reads a plan's history by assignment; the history's index is (assignment_id, id) already
