package fr.cuf.rencontres.invoice;

/**
 * How an invoice was paid: bank transfer, "mandat administratif" (how French public bodies pay, through
 * their public accountant), card, cheque, cash.
 */
public enum PaymentMethod { TRANSFER, ADMINISTRATIVE_MANDATE, CARD, CHEQUE, CASH }
