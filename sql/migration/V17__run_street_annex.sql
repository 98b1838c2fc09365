-- The data-quality annex's street lines kept with the indicator run they were read with, so an
-- edition rendered again from its runs (report --from-runs, a delivery restart) prints the same
-- annex as the first time, whatever was loaded since.
CREATE TABLE indicator_run_street (
    run_id        BIGINT       NOT NULL,
    seq           INT          NOT NULL,
    district_name VARCHAR(100) NOT NULL,
    street_code   CHAR(12)     NOT NULL,
    street_name   VARCHAR(100) NOT NULL,
    sent_s1       BOOLEAN      NOT NULL,
    sent_s2       BOOLEAN      NOT NULL,
    sent_s3       BOOLEAN      NOT NULL,
    sent_s4       BOOLEAN      NOT NULL,
    rejected_rows BIGINT       NOT NULL,
    open_rejects  BIGINT       NOT NULL,
    PRIMARY KEY (run_id, seq),
    CONSTRAINT indicator_run_street_run FOREIGN KEY (run_id) REFERENCES indicator_run (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
