-- Which process runs (or ran) a job execution, so that an execution left STARTED by a crash can
-- be told from one still running elsewhere, and restarted without hand-written SQL.
CREATE TABLE job_run_owner (
    job_execution_id BIGINT       NOT NULL PRIMARY KEY,
    host             VARCHAR(255) NOT NULL,
    pid              BIGINT       NOT NULL,
    started_at       DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
