-- What leaders receive (issue 12): a period's edition goes out as the final edition, as a
-- provisional one an operator asked for (预览版, never in place of the final), and as corrections
-- (更正版) when delivered figures change afterwards. Each is its own kind of mail, sent once.
ALTER TABLE delivery_log
    ADD COLUMN kind VARCHAR(40) NOT NULL DEFAULT 'final' AFTER period,
    DROP INDEX delivery_once,
    ADD UNIQUE KEY delivery_once (edition, period, kind, recipient);

-- The stored indicator runs each kind of an edition was rendered from, so every recipient of a
-- kind gets the same figures (a restart renders it again from them) and a later run can tell
-- which delivered figures changed. kind: final, correction-1, correction-2, …, provisional:<cut-off>.
-- checked_cutoff: the newest input a later run compared the delivered figures against.
CREATE TABLE edition_sent (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition        VARCHAR(64)   NOT NULL,
    period         VARCHAR(7)    NOT NULL,
    kind           VARCHAR(40)   NOT NULL,
    run_ids        VARCHAR(400)  NOT NULL,
    data_cutoff    DATETIME(6)   NULL,
    checked_cutoff DATETIME(6)   NULL,
    title          VARCHAR(255)  NOT NULL,
    changes        TEXT          NULL,      -- a correction's changed figures, one per line: figure\tbefore\tafter
    created_at     DATETIME(6)   NOT NULL,
    UNIQUE KEY edition_sent_kind (edition, period, kind)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
