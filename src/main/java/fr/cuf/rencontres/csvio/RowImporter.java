package fr.cuf.rencontres.csvio;

import fr.cuf.rencontres.event.Event;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One kind of import. {@link #plan} validates every row and decides what to do with it, reading what
 * it needs from the database once for the whole file (no query per row); {@link #write} then writes
 * the accepted rows, in the caller's transaction.
 */
interface RowImporter<T> {

    ImportKind kind();

    /** Fields a file must have a column for; without one, no row can be imported. */
    List<ImportField> requiredColumns();

    /** Called on commit, inside the transaction, before {@link #plan}: take the locks the rules need. */
    default void lock(@Nullable Event event) {
    }

    List<Planned<T>> plan(List<ImportRow> rows, @Nullable Event event);

    void write(List<Planned<T>> accepted, @Nullable Event event, String actor);
}
