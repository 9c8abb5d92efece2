-- The registry of responsible units. Codes are stable identifiers (gov-<division code> for
-- governments, a short slug such as ah-fgw for provincial units); names and aliases are unique
-- across the registry so that every name in a responsibility text points at one unit.
CREATE TABLE unit (
    code          VARCHAR(40)   PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    short_name    VARCHAR(100),
    level         VARCHAR(16)   NOT NULL,
    type          VARCHAR(16)   NOT NULL,
    parent_code   VARCHAR(40)   REFERENCES unit (code),
    division_code VARCHAR(6),
    email         VARCHAR(254),
    phone         VARCHAR(40),
    webhook_url   VARCHAR(2000),
    active        BOOLEAN       NOT NULL DEFAULT TRUE,
    version       BIGINT        NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL,
    updated_by    VARCHAR(100)  NOT NULL
);

CREATE UNIQUE INDEX unit_name_key ON unit (name);
CREATE INDEX unit_filter ON unit (level, type, active);
CREATE INDEX unit_parent ON unit (parent_code);

-- Every name a unit is known by (official name, short name, aliases) in one place, unique, so the
-- database itself refuses two units answering to the same name.
CREATE TABLE unit_name (
    unit_code VARCHAR(40)  NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
    name      VARCHAR(200) NOT NULL,
    kind      VARCHAR(10)  NOT NULL,  -- NAME, SHORT, ALIAS
    position  INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_code, name)
);
CREATE UNIQUE INDEX unit_name_unique ON unit_name (name);

-- Identifiers of the same unit in OA systems: {"oa": "D-0012"}.
CREATE TABLE unit_external_id (
    unit_code   VARCHAR(40)  NOT NULL REFERENCES unit (code) ON DELETE CASCADE,
    system      VARCHAR(40)  NOT NULL,
    external_id VARCHAR(100) NOT NULL,
    PRIMARY KEY (unit_code, system)
);
CREATE UNIQUE INDEX unit_external_id_lookup ON unit_external_id (system, external_id);

-- Who changed what, when.
CREATE TABLE unit_change (
    id         BIGSERIAL    PRIMARY KEY,
    unit_code  VARCHAR(40)  NOT NULL REFERENCES unit (code),
    action     VARCHAR(16)  NOT NULL,  -- CREATED, UPDATED, DEACTIVATED, SEEDED
    changed_at TIMESTAMPTZ  NOT NULL,
    changed_by VARCHAR(100) NOT NULL,
    before     TEXT,
    after      TEXT         NOT NULL
);
CREATE INDEX unit_change_unit ON unit_change (unit_code, id);
