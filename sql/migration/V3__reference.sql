-- Reference data: the division tree every record hangs from (its jurisdiction), and the
-- target profiles of the policy documents (metrics.md) that dashboards judge figures against.

CREATE TABLE division (
    code          CHAR(12)     NOT NULL PRIMARY KEY,
    name          VARCHAR(100) NOT NULL,
    level         VARCHAR(10)  NOT NULL,
    parent_code   CHAR(12)     NULL,
    urban_rural   VARCHAR(5)   NULL,
    -- Denormalised jurisdiction: every query of a street's or district's console filters on these.
    district_code CHAR(6)      NULL,
    street_code   CHAR(9)      NULL,
    loaded_at     DATETIME(6)  NOT NULL,
    KEY division_parent (parent_code),
    KEY division_district (district_code, level),
    KEY division_street (street_code, level)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rows of a division CSV being loaded, staged so the whole file is checked (duplicates,
-- parents) before any of it reaches the reference: a bad file is refused, never half-loaded.
CREATE TABLE division_load_row (
    load_id     BIGINT       NOT NULL,
    line_no     INT          NOT NULL,
    code        CHAR(12)     NOT NULL,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(10)  NOT NULL,
    parent_code CHAR(12)     NULL,
    urban_rural VARCHAR(5)   NULL,
    PRIMARY KEY (load_id, line_no),
    KEY division_load_code (load_id, code),
    KEY division_load_parent (load_id, parent_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE division_load_problem (
    load_id BIGINT        NOT NULL,
    line_no INT           NOT NULL,
    problem VARCHAR(500)  NOT NULL,
    KEY division_load_problem_line (load_id, line_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE target_profile (
    name        VARCHAR(40)  NOT NULL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    source_doc  VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per target a profile sets. comparator: '>=' at least, '<=' at most, '>' more than.
-- A threshold (a minimum area, a count per district) is a target with comparator '='; it is a
-- parameter of an indicator's definition rather than a figure to be judged.
CREATE TABLE profile_target (
    profile     VARCHAR(40)   NOT NULL,
    target_key  VARCHAR(60)   NOT NULL,
    variant     VARCHAR(40)   NOT NULL DEFAULT '',
    comparator  VARCHAR(2)    NOT NULL,
    value       DECIMAL(14,4) NOT NULL,
    unit        VARCHAR(10)   NOT NULL,
    note        VARCHAR(200)  NULL,
    PRIMARY KEY (profile, target_key, variant),
    CONSTRAINT profile_target_profile FOREIGN KEY (profile) REFERENCES target_profile (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
