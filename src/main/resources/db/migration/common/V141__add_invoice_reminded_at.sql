-- When the reminder of an unpaid invoice was queued (once per invoice): the job claims an invoice by setting
-- it where it is still NULL, so two instances never both send it.
ALTER TABLE invoice ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_invoice_unpaid_due ON invoice (status, due_on);
