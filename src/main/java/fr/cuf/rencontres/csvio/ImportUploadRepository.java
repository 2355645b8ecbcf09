package fr.cuf.rencontres.csvio;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ImportUploadRepository extends CrudRepository<ImportUpload, String> {

    @Query("DELETE FROM csv_import WHERE created_at < :before")
    void deleteCreatedBefore(Instant before);

    @Query("SELECT id FROM csv_import WHERE id = :id FOR UPDATE")
    List<String> lock(String id);

    @Query("SELECT COUNT(*) > 0 FROM csv_import WHERE id = :id AND committed_at IS NOT NULL")
    boolean isCommitted(String id);

    @Query("UPDATE csv_import SET committed_at = :committedAt, report = :report WHERE id = :id")
    void markCommitted(String id, Instant committedAt, byte[] report);
}
