package fr.cuf.rencontres.member;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** Someone CUF deals with: an elected official or an officer, usually of an organisation. */
@MappedEntity("person")
public record Person(
        @Id @GeneratedValue @Nullable Long id,
        String firstName,
        String lastName,
        @Nullable String functionTitle,
        @Nullable String email,
        @Nullable String phone,
        @Nullable Long organisationId,
        boolean electedOfficial,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
