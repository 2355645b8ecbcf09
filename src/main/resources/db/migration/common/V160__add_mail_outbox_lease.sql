-- Sending a mail is three steps, each in its own short transaction (registration.OutboxClaims): claim the row
-- (status SENDING, lease_until = now + lease), send it over SMTP, mark it SENT. A sender that dies between the
-- claim and the mark leaves the row SENDING; once its lease has expired another sender takes it again, with the
-- same Message-ID (derived from the row id), so a receiving server can drop the duplicate.
ALTER TABLE mail_outbox ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
-- link_secret now holds the personal secret sealed with AES-GCM (registration.OutboxSeal), longer than the secret.
ALTER TABLE mail_outbox ALTER COLUMN link_secret SET DATA TYPE VARCHAR(200);
