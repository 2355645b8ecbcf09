package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.executor.IOExecutorServiceConfig;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;

/**
 * One thread model: every route runs off the event loop ({@code micronaut.server.thread-selection: BLOCKING} in
 * application.yml), and "blocking" is the fixed {@code io} pool on every JDK. Micronaut would otherwise hand blocking
 * work to unbounded virtual threads on JDK 21+, so the pool size (RENCONTRES_IO_THREADS) would stop bounding how
 * many requests wait for the 10 database connections — the queueing the registration benchmark was tuned on.
 */
@Factory
class ThreadModel {

    @Singleton
    @Named(TaskExecutors.BLOCKING)
    @Replaces(bean = ExecutorService.class, named = TaskExecutors.BLOCKING, factory = IOExecutorServiceConfig.class)
    ExecutorService blocking(@Named(TaskExecutors.IO) ExecutorService io) {
        return io;
    }
}
