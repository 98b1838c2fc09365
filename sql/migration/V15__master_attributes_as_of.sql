-- Figures of a month read each master as survivorship gives it from the source rows of that month
-- and before (metrics.md: the state at the end of the month). The master record holds the newest
-- version; its earlier versions, for the attributes the indicators read, are kept here with the
-- periods they hold for: valid_from inclusive, valid_until exclusive (where the next version
-- starts). Most masters never change and have no row here.
CREATE TABLE org_master_asof (
    master_id      BIGINT      NOT NULL,
    valid_from     CHAR(7)     NOT NULL,
    valid_until    CHAR(7)     NOT NULL,
    reg_status     VARCHAR(10) NOT NULL,
    org_type       VARCHAR(20) NULL,
    rating         TINYINT     NULL,
    is_sw_agency   BOOLEAN     NULL,
    community_code CHAR(12)    NULL,
    PRIMARY KEY (master_id, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE worker_master_asof (
    master_id     BIGINT      NOT NULL,
    valid_from    CHAR(7)     NOT NULL,
    valid_until   CHAR(7)     NOT NULL,
    education     VARCHAR(20) NULL,
    cert_verified BOOLEAN     NOT NULL,
    PRIMARY KEY (master_id, valid_from)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A steward's value is in force from the period of the conflict it settled on; NULL (values
-- chosen before this column existed) for every period.
ALTER TABLE master_override ADD COLUMN valid_from CHAR(7) NULL AFTER value;
UPDATE master_override v
    JOIN (SELECT master_kind, master_id, MIN(period) AS period FROM reconcile_conflict
          WHERE status = 'resolved' GROUP BY master_kind, master_id) c
      ON c.master_kind = v.master_kind AND c.master_id = v.master_id
SET v.valid_from = c.period;

-- Every master's earlier versions are computed by the next reconcile.
UPDATE org_master SET dirty = TRUE WHERE merged_into IS NULL;
UPDATE worker_master SET dirty = TRUE;
