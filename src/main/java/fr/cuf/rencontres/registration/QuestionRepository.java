package fr.cuf.rencontres.registration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface QuestionRepository extends CrudRepository<Question, Long> {

    List<Question> findByEventIdOrderByPosition(Long eventId);

    @Query("INSERT INTO registration_answer (registration_id, question_id, answer) VALUES (:registrationId, :questionId, :answer)")
    void addAnswer(Long registrationId, Long questionId, String answer);

    @Query("SELECT registration_id, question_id, answer FROM registration_answer WHERE registration_id = :registrationId")
    List<Answer> findAnswers(Long registrationId);
}
