-- The working-day calendar: per State Council notice year, every date that differs from the
-- Monday–Friday rule. A calendar_year row means that notice year is loaded ("covered").

-- Every write of a year takes the next revision; replicas compare the highest to notice changes.
CREATE SEQUENCE calendar_revision_seq;

CREATE TABLE calendar_year (
    year      integer      PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
    -- SHIPPED: loaded at start from the bundled file; PUT and IMPORT: by the office
    source    varchar(10)  NOT NULL CHECK (source IN ('SHIPPED', 'PUT', 'IMPORT')),
    loaded_at timestamptz  NOT NULL,
    loaded_by varchar(200) NOT NULL,
    revision  bigint       NOT NULL
);

CREATE TABLE calendar_day (
    day         date        PRIMARY KEY,
    kind        varchar(4)  NOT NULL CHECK (kind IN ('OFF', 'WORK')),
    name        varchar(50) NOT NULL,
    notice_year integer     NOT NULL REFERENCES calendar_year (year),
    -- a notice reaches at most into the December before and the January after its year (元旦 runs)
    CHECK (day BETWEEN make_date(notice_year - 1, 12, 1) AND make_date(notice_year + 1, 1, 31))
);

CREATE INDEX calendar_day_notice_year ON calendar_day (notice_year);
