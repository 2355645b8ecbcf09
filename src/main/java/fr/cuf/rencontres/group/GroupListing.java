package fr.cuf.rencontres.group;

import fr.cuf.rencontres.member.Organisation;
import fr.cuf.rencontres.member.Person;
import io.micronaut.core.annotation.Nullable;

/** A group with its chair and the authority the chair belongs to (both may be unknown). */
public record GroupListing(Group group, @Nullable Person chair, @Nullable Organisation chairOrganisation) {
}
