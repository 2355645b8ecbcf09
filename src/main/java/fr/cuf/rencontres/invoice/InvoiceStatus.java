package fr.cuf.rencontres.invoice;

/** ISSUED until payments cover what is owed after credit notes, then PAID; CANCELLED when credited in full. */
public enum InvoiceStatus { ISSUED, PAID, CANCELLED }
