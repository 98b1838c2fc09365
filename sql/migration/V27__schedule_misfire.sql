-- Every misfire of a pipeline schedule (a fire time passed while no node was up, or while the
-- schedule was paused), whatever its misfire policy then did: the console counts them. Kept apart
-- from schedule_fire, whose rows are firings that ran.
CREATE TABLE schedule_misfire (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    schedule      VARCHAR(190) NOT NULL,
    scheduled_for DATETIME(3)  NULL,
    noted_at      DATETIME(3)  NOT NULL,
    node          VARCHAR(190) NOT NULL,
    policy        VARCHAR(100) NOT NULL,
    KEY schedule_misfire_recent (schedule, noted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
