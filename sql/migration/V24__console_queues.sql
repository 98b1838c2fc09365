-- The console's queue pages: open rejects of a jurisdiction (unit code prefix) in id order, and
-- open review pairs of a district highest score first, each read from an index without a sort
-- of the whole table.
ALTER TABLE ingest_reject ADD KEY ingest_reject_console (status, unit_code, id);
ALTER TABLE org_review ADD KEY org_review_queue (status, district_code, score, id);
