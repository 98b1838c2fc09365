-- A reject a steward corrected (or a resubmission superseded) changes the figures of its period
-- (rejected and open rows, the corrected row loaded) without a file being loaded: the data cut-off
-- of an indicator run (IndicatorStore.dataCutoff) therefore also reads the newest resolved_at, so a
-- stored run is reused only while nothing of the kind happened since. Read for every scope and
-- every edition: an index, not a scan.
ALTER TABLE ingest_reject ADD KEY ingest_reject_resolved (resolved_at);
