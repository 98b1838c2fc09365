-- The rejects page shows exact counts of a jurisdiction's open rejects per template, and its unit and
-- month choices, on every request. Counting them from ingest_reject reads every open row of the
-- jurisdiction (80,000 for a large district); here they are kept per (unit, template, month) by the
-- table's own triggers, so every path that adds, corrects, supersedes or deletes a reject (ingest,
-- restart, re-submission, console, import corrections) keeps them exact, and a page reads a few rows.
-- A month that is not known is kept as ''. Rows may fall to 0; readers ask for open_rows > 0.
CREATE TABLE ingest_reject_open_count (
    unit_code VARCHAR(9) NOT NULL,
    template  VARCHAR(2) NOT NULL,
    period    CHAR(7)    NOT NULL,
    open_rows BIGINT     NOT NULL,
    PRIMARY KEY (unit_code, template, period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO ingest_reject_open_count (unit_code, template, period, open_rows)
SELECT unit_code, template, COALESCE(period, ''), COUNT(*) FROM ingest_reject WHERE status = 'open'
GROUP BY unit_code, template, COALESCE(period, '');

-- What every trigger does: add +1 / -1 / 0 to the count of a unit, template and month. One statement
-- each (no BEGIN … END, so no DELIMITER is needed); an update takes the old row out and puts the new
-- one in, whatever of unit, template, month or status changed.
CREATE PROCEDURE ingest_reject_count_add(unit VARCHAR(9), report VARCHAR(2), month CHAR(7), delta INT)
    INSERT INTO ingest_reject_open_count (unit_code, template, period, open_rows)
    VALUES (unit, report, COALESCE(month, ''), delta)
    ON DUPLICATE KEY UPDATE open_rows = open_rows + VALUES(open_rows);

CREATE TRIGGER ingest_reject_count_insert AFTER INSERT ON ingest_reject FOR EACH ROW
    CALL ingest_reject_count_add(NEW.unit_code, NEW.template, NEW.period, IF(NEW.status = 'open', 1, 0));

CREATE TRIGGER ingest_reject_count_update_old AFTER UPDATE ON ingest_reject FOR EACH ROW
    CALL ingest_reject_count_add(OLD.unit_code, OLD.template, OLD.period, IF(OLD.status = 'open', -1, 0));

CREATE TRIGGER ingest_reject_count_update_new AFTER UPDATE ON ingest_reject FOR EACH ROW FOLLOWS ingest_reject_count_update_old
    CALL ingest_reject_count_add(NEW.unit_code, NEW.template, NEW.period, IF(NEW.status = 'open', 1, 0));

CREATE TRIGGER ingest_reject_count_delete AFTER DELETE ON ingest_reject FOR EACH ROW
    CALL ingest_reject_count_add(OLD.unit_code, OLD.template, OLD.period, IF(OLD.status = 'open', -1, 0));
