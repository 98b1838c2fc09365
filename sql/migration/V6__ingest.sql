-- Ingest: the files received, how each sheet was accounted for, the rows loaded into staging
-- (one table per template) and the rows rejected to the stewards. Every staging and reject row
-- carries its jurisdiction (district_code, unit_code) so consoles and partitions filter by it.

-- A file is known by the SHA-256 of its bytes, whatever it was called.
CREATE TABLE ingest_file (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sha256        CHAR(64)     NOT NULL,
    path          VARCHAR(1000) NOT NULL,  -- relative to the inbox, as first received
    unit_code     VARCHAR(9)   NOT NULL,
    district_code CHAR(6)      NOT NULL,
    period        CHAR(7)      NULL,
    size_bytes    BIGINT       NOT NULL,
    modified_at   BIGINT       NOT NULL,   -- the drop's file time: a unit's corrections load after what they correct
    status        VARCHAR(10)  NOT NULL,   -- pending, loaded, refused
    reason        VARCHAR(1000) NULL,      -- why a refused file was refused
    received_at   DATETIME(6)  NOT NULL,
    loaded_at     DATETIME(6)  NULL,
    UNIQUE KEY ingest_file_sha (sha256),
    KEY ingest_file_unit (district_code, unit_code, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every path a file was dropped under, so a copy under another name is told apart from news.
CREATE TABLE ingest_drop (
    path        VARCHAR(700) NOT NULL PRIMARY KEY,
    size_bytes  BIGINT       NOT NULL,
    modified_at BIGINT       NOT NULL,
    file_id     BIGINT       NOT NULL,
    seen_at     DATETIME(6)  NOT NULL,
    KEY ingest_drop_file (file_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per sheet of a file: its template, where the header was, and the row accounting.
-- A corrected resubmission (new bytes, same unit, period and template) supersedes the earlier
-- sheet: its rows stay for history but no longer count.
CREATE TABLE ingest_sheet (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    file_id       BIGINT       NOT NULL,
    sheet_name    VARCHAR(100) NOT NULL,
    template      VARCHAR(2)   NULL,       -- null: matched no template, ignored
    header_row    INT          NULL,
    unit_code     VARCHAR(9)   NOT NULL,
    district_code CHAR(6)      NOT NULL,
    period        CHAR(7)      NULL,
    rows_read     INT          NOT NULL DEFAULT 0,
    rows_loaded   INT          NOT NULL DEFAULT 0,
    rows_rejected INT          NOT NULL DEFAULT 0,
    rows_skipped  INT          NOT NULL DEFAULT 0,
    note          VARCHAR(500) NULL,
    superseded_by BIGINT       NULL,       -- the ingest_sheet that replaced this one
    UNIQUE KEY ingest_sheet_name (file_id, sheet_name),
    KEY ingest_sheet_key (district_code, unit_code, period, template),
    KEY ingest_sheet_superseded (superseded_by)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Rejected rows: where they came from, the cells as read (encrypted: they may hold identity
-- numbers) and every reason. Open until corrected, or until a resubmission replaces the sheet.
CREATE TABLE ingest_reject (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id      BIGINT       NOT NULL,
    row_no        INT          NOT NULL,
    template      VARCHAR(2)   NOT NULL,
    unit_code     VARCHAR(9)   NOT NULL,
    district_code CHAR(6)      NOT NULL,
    period        CHAR(7)      NULL,
    raw_cipher    TEXT         NOT NULL,
    reasons       VARCHAR(2000) NOT NULL,
    status        VARCHAR(12)  NOT NULL,   -- open, corrected, superseded
    created_at    DATETIME(6)  NOT NULL,
    resolved_at   DATETIME(6)  NULL,
    UNIQUE KEY ingest_reject_row (sheet_id, row_no),
    KEY ingest_reject_open (district_code, unit_code, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Staging: one table per template, typed columns named by the template's column ids.
-- row_no is the spreadsheet row (1-based) so lineage can point a steward at the cell.

CREATE TABLE stg_s1_community (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id BIGINT NOT NULL, row_no INT NOT NULL, period CHAR(7) NOT NULL,
    unit_code VARCHAR(9) NOT NULL, district_code CHAR(6) NOT NULL,
    community_code CHAR(12) NOT NULL, community_name VARCHAR(100) NOT NULL, urban_rural VARCHAR(5) NULL,
    households BIGINT NOT NULL, population BIGINT NOT NULL, facility_area DECIMAL(14,2) NULL,
    grids BIGINT NULL, volunteers BIGINT NULL,
    UNIQUE KEY stg_s1_row (sheet_id, row_no),
    KEY stg_s1_scope (district_code, period, community_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stg_s2_org_ledger (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id BIGINT NOT NULL, row_no INT NOT NULL, period CHAR(7) NOT NULL,
    unit_code VARCHAR(9) NOT NULL, district_code CHAR(6) NOT NULL,
    org_name VARCHAR(200) NOT NULL, credit_code CHAR(18) NULL, reg_status VARCHAR(10) NOT NULL,
    filing_no VARCHAR(100) NULL, org_type VARCHAR(20) NULL, service_domain VARCHAR(100) NULL,
    person_in_charge VARCHAR(50) NULL, phone VARCHAR(30) NULL, community_code CHAR(12) NOT NULL,
    founded_on DATE NULL, rating TINYINT NULL, is_sw_agency BOOLEAN NULL,
    UNIQUE KEY stg_s2_row (sheet_id, row_no),
    KEY stg_s2_scope (district_code, period),
    KEY stg_s2_credit (credit_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stg_s3_worker (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id BIGINT NOT NULL, row_no INT NOT NULL, period CHAR(7) NOT NULL,
    unit_code VARCHAR(9) NOT NULL, district_code CHAR(6) NOT NULL,
    name VARCHAR(50) NOT NULL,
    id_hash CHAR(64) NOT NULL,        -- keyed HMAC of the identity number: joins without revealing it
    id_cipher VARCHAR(120) NOT NULL,  -- AES-GCM of the identity number, for those with the right
    id_masked CHAR(18) NOT NULL,      -- 130102********1234
    gender VARCHAR(2) NULL, birth_date DATE NULL, education VARCHAR(20) NULL,
    political_status VARCHAR(20) NULL, post VARCHAR(20) NULL, is_committee BOOLEAN NULL,
    is_sw_post BOOLEAN NULL, cert_level VARCHAR(20) NULL, cert_no VARCHAR(50) NULL,
    community_code CHAR(12) NOT NULL, hired_on DATE NULL, phone VARCHAR(30) NULL,
    UNIQUE KEY stg_s3_row (sheet_id, row_no),
    KEY stg_s3_scope (district_code, period),
    KEY stg_s3_person (id_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stg_s4_street_centre (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id BIGINT NOT NULL, row_no INT NOT NULL, period CHAR(7) NOT NULL,
    unit_code VARCHAR(9) NOT NULL, district_code CHAR(6) NOT NULL,
    street_code CHAR(9) NOT NULL, street_name VARCHAR(100) NOT NULL, centre_built BOOLEAN NOT NULL,
    centre_area DECIMAL(14,2) NULL, opened_on DATE NULL,
    UNIQUE KEY stg_s4_row (sheet_id, row_no),
    KEY stg_s4_scope (district_code, period, street_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stg_d1_org_registry (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id BIGINT NOT NULL, row_no INT NOT NULL, period CHAR(7) NOT NULL,
    unit_code VARCHAR(9) NOT NULL, district_code CHAR(6) NOT NULL,
    credit_code CHAR(18) NOT NULL, org_name VARCHAR(200) NOT NULL, org_type VARCHAR(20) NOT NULL,
    registered_on DATE NULL, reg_status VARCHAR(4) NOT NULL, legal_rep VARCHAR(50) NULL,
    address VARCHAR(300) NULL, community_code CHAR(12) NULL, rating TINYINT NULL, is_sw_agency BOOLEAN NULL,
    UNIQUE KEY stg_d1_row (sheet_id, row_no),
    KEY stg_d1_scope (district_code, period),
    KEY stg_d1_credit (credit_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stg_d2_incubator (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id BIGINT NOT NULL, row_no INT NOT NULL, period CHAR(7) NOT NULL,
    unit_code VARCHAR(9) NOT NULL, district_code CHAR(6) NOT NULL,
    name VARCHAR(200) NOT NULL, level VARCHAR(4) NOT NULL, street_code CHAR(9) NULL,
    area DECIMAL(14,2) NOT NULL, opened_on DATE NULL, operator_credit_code CHAR(18) NULL,
    in_incubation BIGINT NULL, cumulative BIGINT NULL, graduated BIGINT NULL,
    UNIQUE KEY stg_d2_row (sheet_id, row_no),
    KEY stg_d2_scope (district_code, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE stg_d3_certificate (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    sheet_id BIGINT NOT NULL, row_no INT NOT NULL, period CHAR(7) NOT NULL,
    unit_code VARCHAR(9) NOT NULL, district_code CHAR(6) NOT NULL,
    name VARCHAR(50) NOT NULL, id_hash CHAR(64) NOT NULL, id_cipher VARCHAR(120) NOT NULL,
    id_masked CHAR(18) NOT NULL, cert_level VARCHAR(20) NOT NULL, cert_no VARCHAR(50) NOT NULL,
    obtained_year SMALLINT NULL, employer VARCHAR(200) NULL, street_code CHAR(9) NULL,
    UNIQUE KEY stg_d3_row (sheet_id, row_no),
    KEY stg_d3_scope (district_code, period),
    KEY stg_d3_person (id_hash),
    KEY stg_d3_cert (cert_no)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
