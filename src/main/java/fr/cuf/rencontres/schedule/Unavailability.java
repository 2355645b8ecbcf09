package fr.cuf.rencontres.schedule;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** When a person (a chair, a speaker) or a room cannot be used. */
public final class Unavailability {

    private Unavailability() {
    }

    @MappedEntity("person_unavailability")
    public record OfPerson(@Id @GeneratedValue @Nullable Long id, Long personId, Instant startsAt, Instant endsAt,
                           @Nullable String reason, Instant createdAt) {
        public Window window() {
            return new Window(startsAt, endsAt);
        }
    }

    @MappedEntity("room_unavailability")
    public record OfRoom(@Id @GeneratedValue @Nullable Long id, Long roomId, Instant startsAt, Instant endsAt,
                         @Nullable String reason, Instant createdAt) {
        public Window window() {
            return new Window(startsAt, endsAt);
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface PersonUnavailabilityRepository extends CrudRepository<OfPerson, Long> {
        @Query("SELECT * FROM person_unavailability WHERE person_id IN (:personIds) AND ends_at > :from AND starts_at < :to")
        List<OfPerson> findDuring(Collection<Long> personIds, Instant from, Instant to);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    public interface RoomUnavailabilityRepository extends CrudRepository<OfRoom, Long> {
        @Query("SELECT * FROM room_unavailability WHERE room_id IN (:roomIds) AND ends_at > :from AND starts_at < :to")
        List<OfRoom> findDuring(Collection<Long> roomIds, Instant from, Instant to);
    }
}
