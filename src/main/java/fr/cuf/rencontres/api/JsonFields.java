package fr.cuf.rencontres.api;

import io.micronaut.serde.exceptions.InvalidPropertyFormatException;

import java.util.Optional;

/**
 * The JSON property a decoding error is about: Micronaut binds a body that does not fit as one failed
 * argument ("request"), while Serde's {@link InvalidPropertyFormatException} behind it names the property
 * (the innermost one when the property is inside an object or a list: the field the client must fix).
 */
final class JsonFields {

    private JsonFields() {
    }

    static Optional<String> offending(Throwable error) {
        String name = null;
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof InvalidPropertyFormatException property) {
                name = property.getArgument().getName();
            }
        }
        return Optional.ofNullable(name);
    }
}
