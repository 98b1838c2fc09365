-- Reconcile at scale: survivorship bulk-loads a batch of masters' chosen values into a temporary
-- table made LIKE these, then sets them on the masters with one UPDATE … JOIN instead of one
-- UPDATE statement per master. These tables stay empty: they are the templates, kept with the
-- schema so their types follow the masters'. Every column is nullable because a field no source
-- gives is written as NULL.

CREATE TABLE survive_org (
    id               BIGINT       NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NULL,
    credit_code      CHAR(18)     NULL,
    reg_status       VARCHAR(10)  NULL,
    org_type         VARCHAR(20)  NULL,
    registered_on    DATE         NULL,
    registry_status  VARCHAR(4)   NULL,
    legal_rep        VARCHAR(50)  NULL,
    person_in_charge VARCHAR(50)  NULL,
    phone            VARCHAR(30)  NULL,
    service_domain   VARCHAR(100) NULL,
    rating           TINYINT      NULL,
    is_sw_agency     BOOLEAN      NULL,
    founded_on       DATE         NULL,
    community_code   CHAR(12)     NULL,
    first_period     CHAR(7)      NOT NULL,
    last_period      CHAR(7)      NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE survive_worker (
    id                 BIGINT      NOT NULL PRIMARY KEY,
    name               VARCHAR(50) NULL,
    gender             VARCHAR(2)  NULL,
    birth_date         DATE        NULL,
    education          VARCHAR(20) NULL,
    political_status   VARCHAR(20) NULL,
    post               VARCHAR(20) NULL,
    is_committee       BOOLEAN     NULL,
    is_sw_post         BOOLEAN     NULL,
    cert_level         VARCHAR(20) NULL,
    cert_no            VARCHAR(50) NULL,
    claimed_cert_level VARCHAR(20) NULL,
    claimed_cert_no    VARCHAR(50) NULL,
    community_code     CHAR(12)    NULL,
    hired_on           DATE        NULL,
    phone              VARCHAR(30) NULL,
    district_code      CHAR(6)     NULL,
    cert_verified      BOOLEAN     NULL,
    on_roster          BOOLEAN     NULL,
    first_period       CHAR(7)     NOT NULL,
    last_period        CHAR(7)     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
