-- The certificate numbers each worker master's rows in force carry (the register's, or a roster's
-- claim), kept by survivorship with the master like master_field_source. Finding a number under two
-- identity numbers is then a walk of this small table in key order instead of a sort of every
-- roster and register row, which grew faster than the data. The conflicts one master's own rows
-- show are found while survivorship holds those rows, so no other table is needed for them.

CREATE TABLE worker_cert_no (
    cert_no       VARCHAR(50) NOT NULL,
    master_id     BIGINT      NOT NULL,
    last_period   CHAR(7)     NOT NULL,  -- the newest month a row of the master gives the number
    district_code CHAR(6)     NOT NULL,  -- the first district (in code order) among those rows
    PRIMARY KEY (cert_no, master_id),
    KEY worker_cert_no_master (master_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Masters reconciled before this version: their numbers from the rows in force, once.
INSERT IGNORE INTO worker_cert_no (cert_no, master_id, last_period, district_code)
SELECT TRIM(c.cert_no), c.master_id, MAX(c.period), MIN(c.district_code)
FROM (SELECT d.cert_no, d.period, d.district_code, o.master_id
      FROM worker_source o JOIN stg_d3_certificate d ON o.template = 'D3' AND d.id = o.stg_id
      JOIN ingest_sheet s ON s.id = d.sheet_id AND s.superseded_by IS NULL
      UNION ALL
      SELECT w.cert_no, w.period, w.district_code, o.master_id
      FROM worker_source o JOIN stg_s3_worker w ON o.template = 'S3' AND w.id = o.stg_id
      JOIN ingest_sheet s ON s.id = w.sheet_id AND s.superseded_by IS NULL) c
WHERE c.cert_no IS NOT NULL AND TRIM(c.cert_no) <> ''
GROUP BY TRIM(c.cert_no), c.master_id;
