package fr.cuf.rencontres.config;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("app_secret")
record AppSecretRow(@Id String name, String secret, Instant createdAt) {
}
