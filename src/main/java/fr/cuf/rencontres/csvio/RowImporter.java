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

    List<Planned<T>> plan(List<ImportRow> rows, @Nullable Event event, ValueChoices values);

    /**
     * The values of the file this importer does not know by itself (each once, as first spelled), with the
     * choice that applies to each, if any: the preview asks staff what they mean.
     */
    default List<UnknownValue> unknownValues(List<ImportRow> rows, ValueChoices values) {
        return List.of();
    }

    /** The field whose values {@link #unknownValues} lists (remembered per kind and field). */
    default ImportField valuesField() {
        return null;
    }

    /**
     * Writes the accepted rows and returns them as written. An importer that {@link #settlesByWriting()} may
     * turn a row into a rejected one (its writes undone) and is also called for a preview, whose
     * transaction is then rolled back.
     */
    List<Planned<T>> write(List<Planned<T>> accepted, @Nullable Event event, ImportRequest request, String actor);

    /**
     * True when some rules can only be applied by writing (registrations: seats, waiting lists, prices are
     * the registration service's, under its locks): then a preview writes in a transaction it rolls back.
     */
    default boolean settlesByWriting() {
        return false;
    }
}
