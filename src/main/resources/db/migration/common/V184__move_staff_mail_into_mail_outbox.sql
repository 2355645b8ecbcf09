-- Staff mails (invitation, password reset, lock-out) go through the mail outbox like every other mail
-- (mail.MailSender: leased claim, send with no transaction open, Message-ID derived from the row, sealed link).
-- A row is to a registrant or to a staff account, never both.
ALTER TABLE mail_outbox ALTER COLUMN registration_id DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN account_id BIGINT REFERENCES staff_account (id) ON DELETE CASCADE;
ALTER TABLE mail_outbox ADD CONSTRAINT ck_mail_outbox_one_recipient
    CHECK ((registration_id IS NULL AND account_id IS NOT NULL) OR (registration_id IS NOT NULL AND account_id IS NULL));
CREATE INDEX ix_mail_outbox_account ON mail_outbox (account_id);

-- Every staff mail moves, its history too. A waiting link secret moves as it was (in clear): the application seals
-- such values at start-up (mail.UnsealedLinks) and the sender reads both forms.
INSERT INTO mail_outbox (registration_id, account_id, kind, recipient, locale, link_secret, note, subject, status,
                         attempts, next_attempt_at, last_error, created_at, sent_at, lease_until)
SELECT NULL, account_id, 'STAFF_' || kind, recipient, 'fr', link_secret, NULL, NULL, status,
       attempts, next_attempt_at, NULL, created_at, sent_at, NULL
  FROM staff_mail
 ORDER BY id;
