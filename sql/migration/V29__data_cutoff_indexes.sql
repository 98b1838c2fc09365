-- The data cut-off of an indicator run (IndicatorStore.dataCutoff) is the newest loaded_at /
-- updated_at of these three tables, read for every scope computed and every edition rendered.
-- Without an index each read scanned the master tables whole: at national size, ~1.3 million
-- masters read once per scope (hundreds of scopes a month), growing with scopes × masters.
-- With one, MAX() is a single index lookup.
ALTER TABLE ingest_file ADD KEY ingest_file_loaded (loaded_at);
ALTER TABLE org_master ADD KEY org_master_updated (updated_at);
ALTER TABLE worker_master ADD KEY worker_master_updated (updated_at);
