-- Reminders to streets that have not sent a month's templates (issue 16). Each reminder mail is one
-- row of delivery_log, which makes it go exactly once: edition 'reminder:<street's 9 digits>', the
-- month as period, kind 'reminder', the contact's address as recipient. This table keeps what the
-- mail listed, so the submissions grid can show 已催报 on exactly those cells once it was sent.
CREATE TABLE submission_reminder (
    delivery_id  BIGINT       NOT NULL PRIMARY KEY,
    street_code  CHAR(9)      NOT NULL,
    period       VARCHAR(7)   NOT NULL,
    templates    VARCHAR(20)  NOT NULL,   -- the templates the mail asked for, e.g. S1,S3
    contact      VARCHAR(100) NOT NULL,   -- whom it greeted
    composed_at  DATETIME(6)  NOT NULL,
    KEY submission_reminder_street (street_code, period),
    CONSTRAINT submission_reminder_delivery FOREIGN KEY (delivery_id) REFERENCES delivery_log (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
