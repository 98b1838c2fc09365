-- The console's queue pages, each read from an index without touching or sorting the whole table:
-- open rejects of a jurisdiction (unit code prefix) paged in (unit, template, month, id) order, and
-- open review pairs of a district highest score first. (A district's decided / open progress reads
-- org_review_open, made with the table.)
ALTER TABLE ingest_reject ADD KEY ingest_reject_console (status, unit_code, template, period, id);
ALTER TABLE org_review ADD KEY org_review_queue (status, district_code, score, id);
