-- A row's period is its own 统计月份, else the title's, else the drop folder's (sources.md). A sheet
-- whose rows carry two months is recorded as one ingest_sheet row per month (a part), each
-- accounted for; a resubmission supersedes only parts of the same unit, template and true period.
-- period_source says which of the three gave the part's period; period_note, in Chinese, where the
-- title or the folder said otherwise (标题为2026年8月，按统计月份列记为2026-09).
ALTER TABLE ingest_sheet
    DROP INDEX ingest_sheet_name,
    ADD UNIQUE KEY ingest_sheet_part (file_id, sheet_name, period),
    ADD COLUMN period_source VARCHAR(10) NULL AFTER period,
    ADD COLUMN period_note VARCHAR(200) NULL AFTER period_source;
