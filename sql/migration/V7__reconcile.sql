-- Reconcile: one master record per real organization and per real worker, the source rows
-- behind each (lineage), where every surviving field came from, the doubtful pairs and the
-- conflicts waiting for stewards, and every steward decision.

CREATE TABLE org_master (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    district_code    CHAR(6)      NOT NULL,
    community_code   CHAR(12)     NULL,
    name             VARCHAR(200) NOT NULL,
    norm_name        VARCHAR(200) NOT NULL,   -- the matching form: NFKC, no punctuation, no leading place names
    credit_code      CHAR(18)     NULL,
    reg_status       VARCHAR(10)  NOT NULL,   -- 已登记 / 已备案
    org_type         VARCHAR(20)  NULL,
    registered_on    DATE         NULL,
    registry_status  VARCHAR(4)   NULL,       -- 正常 / 注销 / 撤销 as the district registry says
    legal_rep        VARCHAR(50)  NULL,
    person_in_charge VARCHAR(50)  NULL,
    phone            VARCHAR(30)  NULL,
    service_domain   VARCHAR(100) NULL,
    rating           TINYINT      NULL,
    is_sw_agency     BOOLEAN      NULL,
    founded_on       DATE         NULL,
    first_period     CHAR(7)      NOT NULL,
    last_period      CHAR(7)      NOT NULL,
    merged_into      BIGINT       NULL,       -- a steward merged this master into another
    dirty            BOOLEAN      NOT NULL DEFAULT TRUE,  -- rows changed: survivorship to recompute
    updated_at       DATETIME(6)  NOT NULL,
    KEY org_master_district (district_code, community_code),
    KEY org_master_name (district_code, norm_name),
    KEY org_master_credit (credit_code),
    KEY org_master_dirty (dirty)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Lineage: every staged S2 / D1 row and the master it belongs to.
CREATE TABLE org_source (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    template      VARCHAR(2)  NOT NULL,
    stg_id        BIGINT      NOT NULL,
    master_id     BIGINT      NOT NULL,
    district_code CHAR(6)     NOT NULL,
    period        CHAR(7)     NOT NULL,
    norm_name     VARCHAR(200) NOT NULL,
    -- What the matcher needs of the row, kept here so a district's index rebuilds from one table.
    community_code CHAR(12)   NULL,
    credit_code   CHAR(18)    NULL,
    person        VARCHAR(50) NULL,
    phone         VARCHAR(30) NULL,
    how           VARCHAR(20) NOT NULL,   -- credit_code, name, score, new, steward
    score         DECIMAL(5,4) NULL,
    linked_at     DATETIME(6) NOT NULL,
    UNIQUE KEY org_source_row (template, stg_id),
    KEY org_source_master (master_id),
    KEY org_source_name (district_code, norm_name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE worker_master (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    district_code    CHAR(6)      NOT NULL,
    community_code   CHAR(12)     NULL,
    name             VARCHAR(50)  NOT NULL,
    id_hash          CHAR(64)     NOT NULL,
    id_cipher        VARCHAR(120) NOT NULL,
    id_masked        CHAR(18)     NOT NULL,
    gender           VARCHAR(2)   NULL,
    birth_date       DATE         NULL,
    education        VARCHAR(20)  NULL,
    political_status VARCHAR(20)  NULL,
    post             VARCHAR(20)  NULL,
    is_committee     BOOLEAN      NULL,
    is_sw_post       BOOLEAN      NULL,
    cert_level       VARCHAR(20)  NULL,   -- as the certificate register D3 holds it
    cert_no          VARCHAR(50)  NULL,
    cert_verified    BOOLEAN      NOT NULL DEFAULT FALSE,
    claimed_cert_level VARCHAR(20) NULL,  -- what a roster claims, kept even when D3 does not hold it
    claimed_cert_no  VARCHAR(50)  NULL,
    hired_on         DATE         NULL,
    phone            VARCHAR(30)  NULL,
    on_roster        BOOLEAN      NOT NULL DEFAULT FALSE,
    first_period     CHAR(7)      NOT NULL,
    last_period      CHAR(7)      NOT NULL,
    dirty            BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at       DATETIME(6)  NOT NULL,
    UNIQUE KEY worker_master_person (id_hash),
    KEY worker_master_district (district_code, community_code),
    KEY worker_master_cert (cert_no),
    KEY worker_master_dirty (dirty)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE worker_source (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    template      VARCHAR(2)  NOT NULL,
    stg_id        BIGINT      NOT NULL,
    master_id     BIGINT      NOT NULL,
    district_code CHAR(6)     NOT NULL,
    period        CHAR(7)     NOT NULL,
    how           VARCHAR(20) NOT NULL,   -- id_number, steward
    linked_at     DATETIME(6) NOT NULL,
    UNIQUE KEY worker_source_row (template, stg_id),
    KEY worker_source_master (master_id, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where each surviving field of a master came from (survivorship, remembered field by field).
CREATE TABLE master_field_source (
    master_kind VARCHAR(6)  NOT NULL,     -- org / worker
    master_id   BIGINT      NOT NULL,
    field       VARCHAR(40) NOT NULL,
    template    VARCHAR(2)  NOT NULL,
    stg_id      BIGINT      NOT NULL,
    PRIMARY KEY (master_kind, master_id, field)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Doubtful duplicate pairs for stewards (score between the two thresholds).
CREATE TABLE org_review (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    district_code CHAR(6)      NOT NULL,
    master_a      BIGINT       NOT NULL,   -- the older master
    master_b      BIGINT       NOT NULL,
    score         DECIMAL(5,4) NOT NULL,
    evidence      VARCHAR(500) NOT NULL,
    status        VARCHAR(10)  NOT NULL,   -- open, merged, apart
    opened_at     DATETIME(6)  NOT NULL,
    decided_at    DATETIME(6)  NULL,
    UNIQUE KEY org_review_pair (master_a, master_b),
    KEY org_review_open (district_code, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Pairs of masters a steward has said are different: the machine never merges them.
CREATE TABLE master_apart (
    master_kind VARCHAR(6) NOT NULL,
    master_a    BIGINT     NOT NULL,   -- the smaller id
    master_b    BIGINT     NOT NULL,
    PRIMARY KEY (master_kind, master_a, master_b)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Cross-source conflicts, opened for stewards and never guessed.
CREATE TABLE reconcile_conflict (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind          VARCHAR(30)   NOT NULL,
    period        CHAR(7)       NOT NULL,
    master_kind   VARCHAR(6)    NOT NULL,
    master_id     BIGINT        NOT NULL,
    district_code CHAR(6)       NOT NULL,
    conflict_key  VARCHAR(200)  NOT NULL,  -- what makes it the same conflict on a re-run
    detail        VARCHAR(1000) NOT NULL,
    status        VARCHAR(10)   NOT NULL,  -- open, resolved
    chosen_value  VARCHAR(200)  NULL,
    opened_at     DATETIME(6)   NOT NULL,
    resolved_at   DATETIME(6)   NULL,
    UNIQUE KEY reconcile_conflict_key (kind, master_kind, master_id, period, conflict_key),
    KEY reconcile_conflict_open (district_code, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A value a steward chose for a master's field (resolving a conflict): survivorship keeps it.
CREATE TABLE master_override (
    master_kind VARCHAR(6)   NOT NULL,
    master_id   BIGINT       NOT NULL,
    field       VARCHAR(40)  NOT NULL,
    value       VARCHAR(200) NOT NULL,
    PRIMARY KEY (master_kind, master_id, field)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every steward decision: who, when, what, why.
CREATE TABLE steward_decision (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    action     VARCHAR(20)   NOT NULL,   -- merge, apart, unmerge, resolve
    subject    VARCHAR(200)  NOT NULL,   -- review 12, master 7, conflict 3
    detail     VARCHAR(1000) NOT NULL,
    decided_by VARCHAR(100)  NOT NULL,
    reason     VARCHAR(1000) NOT NULL,
    decided_at DATETIME(6)   NOT NULL,
    KEY steward_decision_subject (subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
