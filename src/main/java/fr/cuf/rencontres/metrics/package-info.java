/**
 * Operational metrics through Micrometer, scraped by Prometheus at {@code /prometheus} (admins only; or on a
 * management port, see application.yml): use cases by outcome ({@link fr.cuf.rencontres.support.CountsOutcome}) and
 * the mail outbox backlog. Switched off whole with {@code RENCONTRES_METRICS_ENABLED=false}.
 */
package fr.cuf.rencontres.metrics;
