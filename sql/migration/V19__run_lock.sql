-- Who runs what. Jobs that must not overlap (divisions load and ingest, two ingests) take a named
-- lock of the database server (GET_LOCK: released by the server when the holder's connection ends,
-- also when its process is killed); the holder writes here what it runs, so that a second command
-- refuses in one line naming it. A row whose lock is free is history, not a holder.
CREATE TABLE run_lock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(500) NOT NULL,  -- the command, as an operator would type it
    host       VARCHAR(255) NOT NULL,
    pid        BIGINT       NOT NULL,
    started_at DATETIME(6)  NOT NULL   -- UTC, as every DATETIME of the schema
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
