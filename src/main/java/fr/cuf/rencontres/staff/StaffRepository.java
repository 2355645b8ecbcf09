package fr.cuf.rencontres.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface StaffRepository extends CrudRepository<StaffAccount, Long> {

    Optional<StaffAccount> findByUsername(String username);

    @Query("SELECT * FROM staff_account ORDER BY username")
    List<StaffAccount> findAllOrderByUsername();

    /** The enabled administrators, locked: two concurrent role changes cannot both remove the last one. */
    @Query("SELECT * FROM staff_account WHERE enabled = TRUE AND roles LIKE '%ADMIN%' ORDER BY id FOR UPDATE")
    List<StaffAccount> lockEnabledAdmins();

    @Query("SELECT * FROM staff_account WHERE id = :id FOR UPDATE")
    Optional<StaffAccount> lock(long id);

    @Query("UPDATE staff_account SET last_sign_in_at = :at WHERE id = :id")
    void signedIn(long id, Instant at);

    @Query("UPDATE staff_account SET locked_at = :at WHERE id = :id AND locked_at IS NULL")
    int lockOut(long id, Instant at);

    @Query("UPDATE staff_account SET locked_at = NULL WHERE id = :id")
    void unlock(long id);

    @Query("UPDATE staff_account SET password_hash = :hash WHERE id = :id")
    void setPasswordHash(long id, String hash);

    @Query("UPDATE staff_account SET roles = :roles, display_name = :displayName, email = :email WHERE id = :id")
    void setProfile(long id, String roles, String displayName, @Nullable String email);

    @Query("UPDATE staff_account SET enabled = :enabled WHERE id = :id")
    void setEnabled(long id, boolean enabled);
}
