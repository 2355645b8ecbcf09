package fr.cuf.rencontres.invoice;

/** ISSUED until the payments cover the total, then PAID. */
public enum InvoiceStatus { ISSUED, PAID }
