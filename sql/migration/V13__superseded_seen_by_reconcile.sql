-- A resent sheet supersedes the unit's earlier one: the old rows stop counting. Their masters must
-- then be recomputed, or a field (or a month) that only the old sheet gave would live on. Reconcile
-- remembers the superseded_by it last acted on; a sheet where the two differ (superseded since, or
-- restored) has its masters marked dirty. NULL for every existing sheet: the first run after the
-- upgrade recomputes the masters of every sheet superseded before it.
ALTER TABLE ingest_sheet ADD COLUMN reconciled_superseded_by BIGINT NULL AFTER superseded_by;
