package fr.cuf.rencontres.staff;

import fr.cuf.rencontres.config.AppSecrets;
import fr.cuf.rencontres.config.SealedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a second factor is kept: the TOTP secret sealed ({@link SealedText}, label "staff-second-factor"), the
 * recovery codes as SHA-256 salted with the account id. Reads and writes only; the rules are in
 * {@link SecondFactors} and {@link SecondFactorCheck}.
 */
@Singleton
class SecondFactorRepository {

    static final int RECOVERY_CODES = 10;
    // no 0/O, 1/I/L: read from paper and typed by hand
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Factors factors;
    private final RecoveryCodes recovery;
    private final Provider<AppSecrets> secrets;
    private volatile SealedText seal;

    /**
     * The application secret is looked up at first use, not at construction: without a configured secret,
     * AppSecrets reads the database when created, and this store is built while the authentication provider is
     * (SignIn), which the JDBC operations' own conditions ask for; building AppSecrets then loops (StackOverflowError
     * at start of the packaged service).
     */
    SecondFactorRepository(Factors factors, RecoveryCodes recovery, Provider<AppSecrets> secrets) {
        this.factors = factors;
        this.recovery = recovery;
        this.secrets = secrets;
    }

    private SealedText seal() {
        SealedText known = seal;
        if (known == null) {
            known = new SealedText(secrets.get(), "staff-second-factor");
            seal = known;
        }
        return known;
    }

    Optional<SecondFactor> of(long accountId) {
        return factors.findById(accountId);
    }

    boolean isActive(long accountId) {
        return factors.findById(accountId).map(SecondFactor::active).orElse(false);
    }

    String secretOf(SecondFactor factor) {
        return seal().open(factor.secretSealed());
    }

    /** Replaces any enrolment not yet confirmed by a new one; returns its secret. */
    String startEnrolment(long accountId, Instant now) {
        factors.deletePending(accountId);
        String secret = Totp.newSecret();
        factors.save(new SecondFactor(accountId, seal().seal(secret), now, null, null));
        return secret;
    }

    /** Confirms a pending enrolment with the step of the first code; false when it was confirmed meanwhile. */
    boolean confirm(long accountId, Instant now, long step) {
        return factors.confirm(accountId, now, step) == 1;
    }

    /** Marks a step used; false when it, or a later one, already was (a replay). */
    boolean useStep(long accountId, long step) {
        return factors.useStep(accountId, step) == 1;
    }

    /** New recovery codes, replacing any earlier ones; only their hashes are kept. */
    List<String> issueRecoveryCodes(long accountId) {
        recovery.deleteAll(accountId);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
            recovery.insert(accountId, hash(accountId, code.toString()));
        }
        return codes;
    }

    /** Uses a recovery code; false when it is unknown or already used. */
    boolean useRecoveryCode(long accountId, String typed, Instant now) {
        String code = typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s-]", "");
        if (code.length() != 12) {
            return false;
        }
        String formatted = code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
        return recovery.use(accountId, hash(accountId, formatted), now) == 1;
    }

    long unusedRecoveryCodes(long accountId) {
        return recovery.countUnused(accountId);
    }

    /** Removes the factor and its recovery codes; false when there was none. */
    boolean remove(long accountId) {
        recovery.deleteAll(accountId);
        return factors.deleteFactor(accountId) == 1;
    }

    private static String hash(long accountId, String code) {
        return Secrets.sha256(accountId + ":" + code);
    }

    @MappedEntity("staff_second_factor")
    record SecondFactor(@Id long accountId, String secretSealed, Instant createdAt, @Nullable Instant confirmedAt,
                        @Nullable Long lastUsedStep) {
        boolean active() {
            return confirmedAt != null;
        }
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Factors extends CrudRepository<SecondFactor, Long> {

        @Query("DELETE FROM staff_second_factor WHERE account_id = :accountId AND confirmed_at IS NULL")
        void deletePending(long accountId);

        @Query("DELETE FROM staff_second_factor WHERE account_id = :accountId")
        int deleteFactor(long accountId);

        @Query("""
                UPDATE staff_second_factor SET confirmed_at = :now, last_used_step = :step
                 WHERE account_id = :accountId AND confirmed_at IS NULL""")
        int confirm(long accountId, Instant now, long step);

        @Query("""
                UPDATE staff_second_factor SET last_used_step = :step
                 WHERE account_id = :accountId AND confirmed_at IS NOT NULL
                   AND (last_used_step IS NULL OR last_used_step < :step)""")
        int useStep(long accountId, long step);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface RecoveryCodes extends GenericRepository<SecondFactor, Long> {

        @Query("INSERT INTO staff_recovery_code (account_id, code_hash) VALUES (:accountId, :codeHash)")
        void insert(long accountId, String codeHash);

        @Query("""
                UPDATE staff_recovery_code SET used_at = :now
                 WHERE account_id = :accountId AND code_hash = :codeHash AND used_at IS NULL""")
        int use(long accountId, String codeHash, Instant now);

        @Query("SELECT COUNT(*) FROM staff_recovery_code WHERE account_id = :accountId AND used_at IS NULL")
        long countUnused(long accountId);

        @Query("DELETE FROM staff_recovery_code WHERE account_id = :accountId")
        void deleteAll(long accountId);
    }
}
