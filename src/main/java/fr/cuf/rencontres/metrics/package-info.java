/**
 * Operational metrics through Micrometer, scraped by Prometheus at {@code /prometheus} (admins only; or on a
 * management port, see application.yml): use cases by outcome ({@link fr.cuf.rencontres.support.CountsOutcome})
 * and the mail outbox backlog. Off by default, as they cost about 1.7 s more CPU at each start:
 * {@code RENCONTRES_METRICS_ENABLED=true}.
 */
package fr.cuf.rencontres.metrics;
