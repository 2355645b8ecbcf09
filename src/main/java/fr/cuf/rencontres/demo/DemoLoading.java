package fr.cuf.rencontres.demo;

import fr.cuf.rencontres.event.Event;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The demo data of a first start, loaded on a thread of its own so that the HTTP port opens at once: meanwhile
 * pages answer 503 "the demo data is loading" ({@link DemoLoadingFilter}) and the health says DOWN
 * ({@link DemoReadiness}), never a half-filled or empty site. The load is one transaction: a failed one leaves the
 * database empty, logged, and the health stays DOWN.
 */
@Singleton
public class DemoLoading {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoading.class);

    /** Where the demo data stands in this run of the service. */
    public enum State { NOT_LOADING, LOADING, LOADED, FAILED }

    // the solver's beans are built only if a load runs
    private final BeanProvider<DemoProposal> proposal;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile State state = State.NOT_LOADING;

    DemoLoading(BeanProvider<DemoProposal> proposal) {
        this.proposal = proposal;
    }

    /** Runs the load, then asks the solver's proposal once the data is committed; at most once a run. */
    synchronized void start(Supplier<Event> load) {
        if (state != State.NOT_LOADING) {
            return;
        }
        state = State.LOADING;
        Thread thread = new Thread(() -> run(load), "demo-data");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Supplier<Event> load) {
        long started = System.nanoTime();
        try {
            Event next = load.get();
            proposal.get().proposeWorkshops(next);
            state = State.LOADED;
            LOG.info("Loaded the demo data in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            LOG.error("The demo data could not be loaded; nothing of it was written", e);
        } finally {
            ended.countDown();
        }
    }

    public State state() {
        return state;
    }

    /** Waits until a load started in this run has ended; returns at once when none was started. */
    public State await(Duration timeout) throws InterruptedException {
        if (state == State.LOADING) {
            ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return state;
    }
}
