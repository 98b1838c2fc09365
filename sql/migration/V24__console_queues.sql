-- The console's queue pages, each read from an index without touching or sorting the whole table:
-- open rejects of a jurisdiction (unit code prefix) counted per template and month and paged in
-- (unit, template, month, id) order; open review pairs of a district highest score first; the
-- decided / open progress of each district.
ALTER TABLE ingest_reject ADD KEY ingest_reject_console (status, unit_code, template, period, id);
ALTER TABLE org_review ADD KEY org_review_queue (status, district_code, score, id);
ALTER TABLE org_review ADD KEY org_review_progress (district_code, status);
