-- Its rows moved into mail_outbox (V184); nothing reads or writes staff_mail any more.
DROP TABLE staff_mail;
