-- Decisions taken in the console are found by jurisdiction and by master: every decision records
-- the code prefix of what it touched (a street's 9 digits, or a district's 6 when it spans
-- streets) and, where there is one, the master. A review pair a steward is unsure about stays
-- open, marked.
ALTER TABLE steward_decision
    ADD COLUMN scope       VARCHAR(9) NULL AFTER reason,
    ADD COLUMN master_kind VARCHAR(6) NULL AFTER scope,
    ADD COLUMN master_id   BIGINT     NULL AFTER master_kind,
    ADD KEY steward_decision_scope (scope, decided_at),
    ADD KEY steward_decision_master (master_kind, master_id);

ALTER TABLE org_review
    ADD COLUMN unsure_by VARCHAR(100) NULL AFTER decided_at,
    ADD COLUMN unsure_at DATETIME(6)  NULL AFTER unsure_by;
