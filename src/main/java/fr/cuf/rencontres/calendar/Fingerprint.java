package fr.cuf.rencontres.calendar;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** One line of a feed's fingerprint: how many rows, their last change and a sum of ids, sequences and versions (versions move even when a frozen clock keeps updated_at still). */
@Introspected
record Fingerprint(long n, @Nullable Instant changed, @Nullable Long marks) {
}
