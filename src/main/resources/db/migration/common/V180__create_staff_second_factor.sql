-- Optional TOTP second factor of staff accounts (issue 18 item 4), required for admins by default.
-- The shared secret is sealed (AES-GCM, key derived from the application secret), never stored in clear.
-- confirmed_at stays NULL while the staff member has not typed a first code from the app; last_used_step
-- is the 30-second step of the last code accepted: a code is accepted once, an older one never again.
CREATE TABLE staff_second_factor (
    account_id      BIGINT PRIMARY KEY REFERENCES staff_account (id) ON DELETE CASCADE,
    secret_sealed   VARCHAR(200) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    last_used_step  BIGINT
);

-- One-time recovery codes, given when the factor is confirmed; only their SHA-256 (salted with the account) is kept.
CREATE TABLE staff_recovery_code (
    account_id  BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    code_hash   VARCHAR(64) NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (account_id, code_hash)
);

-- The sign-in between the password and the code: the browser holds a random id in a cookie (path /login,
-- 5 minutes), the row its SHA-256. It grants nothing by itself; the session is opened once the code is right.
CREATE TABLE staff_sign_in_challenge (
    id_hash     VARCHAR(64) PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES staff_account (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_staff_sign_in_challenge_account ON staff_sign_in_challenge (account_id);
