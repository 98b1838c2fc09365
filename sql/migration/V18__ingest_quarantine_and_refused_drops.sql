-- One file never stops the nightly run. A run that starts reading a file counts it (read_attempts,
-- committed at once, outside the chunk); a step that fails while reading a file records why
-- (failure). The next run quarantines a file that failed a step, or that two runs started and
-- neither finished (the process died with it, kill -9 or out of memory): refused, with the reason.
ALTER TABLE ingest_file
    ADD COLUMN read_attempts INT NOT NULL DEFAULT 0 AFTER reason,
    ADD COLUMN failure VARCHAR(1000) NULL AFTER read_attempts;

-- What lies in the inbox but is not read at all: hidden files (a name starting with '.'), symbolic
-- links (never followed: a link may point anywhere on the machine), files in the folder of a unit
-- that is not in the division reference. Listed in the accounting with the reason; written anew at
-- every scan, so a unit added to the reference later has its files read by the next run.
CREATE TABLE ingest_refused_drop (
    path        VARCHAR(700)  NOT NULL PRIMARY KEY,
    unit_code   VARCHAR(20)   NULL,
    period      CHAR(7)       NULL,
    reason      VARCHAR(500)  NOT NULL,
    seen_at     DATETIME(6)   NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
