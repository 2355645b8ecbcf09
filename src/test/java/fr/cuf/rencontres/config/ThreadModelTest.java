package fr.cuf.rencontres.config;

import fr.cuf.rencontres.event.EventRepository;
import fr.cuf.rencontres.support.DatabaseTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A controller with no {@code @ExecuteOn} that reaches the database runs on the fixed io pool, not on a Netty
 * event-loop thread (where one slow query would stall every connection that loop serves).
 */
@DatabaseTest
@Property(name = "spec.name", value = "ThreadModelTest")
class ThreadModelTest {

    @Inject @Client("/") HttpClient client;
    @Inject @Named(TaskExecutors.BLOCKING) ExecutorService blocking;
    @Inject ApplicationContext context;

    @Test
    void a_request_that_reaches_the_database_runs_on_the_io_pool() {
        for (int i = 0; i < 10; i++) {
            String thread = client.toBlocking().retrieve(HttpRequest.GET("/test/thread-model"));
            assertTrue(thread.startsWith("io-executor-thread-"), "request " + i + " ran on " + thread);
        }
    }

    /** On JDK 21+ Micronaut's own "blocking" executor is virtual threads: ours must replace it on every JDK. */
    @Test
    void blocking_work_goes_to_the_io_pool_on_every_jdk() throws Exception {
        var definition = context.getBeanDefinition(ExecutorService.class, Qualifiers.byName(TaskExecutors.BLOCKING));
        assertEquals(ThreadModel.class, definition.getDeclaringType().orElseThrow());
        String thread = blocking.submit(() -> Thread.currentThread().getName()).get();
        assertTrue(thread.startsWith("io-executor-thread-"), thread);
    }

    @Requires(property = "spec.name", value = "ThreadModelTest")
    @Controller("/test/thread-model")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class ThreadProbe {
        private final EventRepository events;

        ThreadProbe(EventRepository events) {
            this.events = events;
        }

        @Get
        @Produces(MediaType.TEXT_PLAIN)
        String thread() {
            events.count();
            return Thread.currentThread().getName();
        }
    }
}
