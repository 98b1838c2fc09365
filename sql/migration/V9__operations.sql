-- Operations: what the schedules fired and what was mailed to whom.
-- Quartz's own tables (JDBC job store, clustered) are in V2__quartz.sql.

-- One row per (edition, period, recipient): the state machine that makes delivery exactly once.
--   reserved  a run has claimed it (claim = that run's token); the SMTP server has not been given the mail
--   sending   the server is being given the mail right now; left so only by a crash in the middle
--             of the SMTP exchange, when nobody can know whether the server accepted it. Never sent
--             again automatically: operators decide (deliver --resend-uncertain).
--   sent      the server accepted it (or the .eml was written to the outbox)
--   failed    every attempt was refused; the next run tries again
-- The unique key is what stops a restart, a re-trigger or a second node from sending twice.
CREATE TABLE delivery_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    edition     VARCHAR(64)  NOT NULL,
    period      VARCHAR(7)   NOT NULL,
    recipient   VARCHAR(254) NOT NULL,
    state       VARCHAR(10)  NOT NULL,
    claim       CHAR(36)     NOT NULL,
    node        VARCHAR(255) NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    title       VARCHAR(255) NULL,
    attachment  VARCHAR(255) NULL,
    message_id  VARCHAR(255) NULL,
    last_error  VARCHAR(500) NULL,
    reserved_at DATETIME(6)  NOT NULL,
    sent_at     DATETIME(6)  NULL,
    UNIQUE KEY delivery_once (edition, period, recipient),
    KEY delivery_period (period, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every firing of a schedule, on whichever node it ran: what operators read to see what ran.
CREATE TABLE schedule_fire (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    schedule      VARCHAR(190) NOT NULL,
    task          VARCHAR(64)  NOT NULL,
    scheduled_for DATETIME(3)  NULL,
    fired_at      DATETIME(3)  NOT NULL,
    finished_at   DATETIME(3)  NULL,
    node          VARCHAR(190) NOT NULL,
    recovering    BOOLEAN      NOT NULL DEFAULT FALSE,
    outcome       VARCHAR(12)  NOT NULL,   -- running | succeeded | failed | skipped
    detail        VARCHAR(1000) NULL,
    KEY schedule_fire_recent (schedule, fired_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
