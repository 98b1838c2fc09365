-- The web console's accounts. Each user has one role and one jurisdiction, written as the code
-- prefix every record of it starts with: a street (9 digits), a district (6), a city (4) or a
-- province (2). Passwords are stored only as a delegating hash ({bcrypt}…).
CREATE TABLE console_user (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username       VARCHAR(64)  NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    role           VARCHAR(10)  NOT NULL,   -- admin, operator, steward, viewer
    jurisdiction   VARCHAR(9)   NOT NULL,   -- 2, 4, 6 or 9 digits
    can_see_ids    BOOLEAN      NOT NULL DEFAULT FALSE,  -- the right to see identity numbers in full
    enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins  INT          NOT NULL DEFAULT 0,
    locked_until   DATETIME(6)  NULL,       -- set after repeated failed logins
    created_at     DATETIME(6)  NOT NULL,
    last_login_at  DATETIME(6)  NULL,
    UNIQUE KEY console_user_name (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
