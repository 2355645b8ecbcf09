package fr.cuf.rencontres.badge;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An event's Ed25519 key pair as stored: raw public key (base64url), encrypted PKCS#8 private key. */
@MappedEntity("badge_signing_key")
record BadgeSigningKey(@Id Long eventId, String publicKey, String privateKeyEncrypted, Instant createdAt) {
}
