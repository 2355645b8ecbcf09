package fr.cuf.rencontres.schedule;

import fr.cuf.rencontres.event.Room;
import fr.cuf.rencontres.group.Group;
import fr.cuf.rencontres.member.Person;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** A session with the names a programme prints beside it. */
public record SessionView(Session session, @Nullable Room room, @Nullable Person chair, List<Person> speakers,
                          List<Group> groups) {
}
