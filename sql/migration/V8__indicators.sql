-- Indicators: every computed set of figures (metrics.md) is kept, so a dashboard or a kpis.json
-- can be rendered again later with exactly the figures it had, judged against the targets it had.

-- One computation: a scope (any node of the division tree), a month-end period and the target
-- profile the figures were judged against (NULL: none). data_cutoff is the newest change among
-- the inputs the figures were computed from (files loaded, master records updated).
CREATE TABLE indicator_run (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    scope_code  CHAR(12)    NOT NULL,
    period      CHAR(7)     NOT NULL,   -- yyyy-MM
    profile     VARCHAR(40) NULL,
    computed_at DATETIME(6) NOT NULL,
    data_cutoff DATETIME(6) NULL,       -- NULL: nothing had been loaded yet
    KEY indicator_run_scope (scope_code, period, profile, computed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One figure of a run: the scope's own (scope_code = the run's scope) or one of its child units'.
-- Percentages are ratios (0.592); the unit of each indicator is in cn.sanshe.pipeline.indicators.Indicator.
-- target is in the value's unit; status green / amber / red, NULL when the profile sets no target
-- or the value cannot be computed. seq keeps the order the figures were computed in.
CREATE TABLE indicator_value (
    run_id      BIGINT        NOT NULL,
    seq         INT           NOT NULL,
    indicator   VARCHAR(40)   NOT NULL,
    variant     VARCHAR(40)   NOT NULL DEFAULT '',
    scope_code  CHAR(12)      NOT NULL,
    period      CHAR(7)       NOT NULL,
    value       DECIMAL(24,6) NULL,
    numerator   DECIMAL(24,6) NULL,
    denominator DECIMAL(24,6) NULL,
    target      DECIMAL(24,6) NULL,
    status      VARCHAR(5)    NULL,
    PRIMARY KEY (run_id, seq),
    UNIQUE KEY indicator_value_figure (run_id, indicator, variant, scope_code),
    KEY indicator_value_trend (scope_code, indicator, variant, period),
    CONSTRAINT indicator_value_run FOREIGN KEY (run_id) REFERENCES indicator_run (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
