package fr.cuf.rencontres.demo;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * The service is ready once the demo data it is loading (if any) is in: DOWN while loading or after a failed
 * load, so {@code /health} (and {@code /health/readiness}) tell a waiting script or a load balancer when pages
 * will show the demo; {@code /health/liveness} is UP as soon as the port is open.
 */
@Singleton
@Readiness
class DemoReadiness implements HealthIndicator {

    private final DemoLoading loading;

    DemoReadiness(DemoLoading loading) {
        this.loading = loading;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        DemoLoading.State state = loading.state();
        HealthStatus status = state == DemoLoading.State.LOADING || state == DemoLoading.State.FAILED
                ? HealthStatus.DOWN : HealthStatus.UP;
        return Publishers.just(HealthResult.builder("demo", status)
                .details(Map.of("state", state.name().toLowerCase(java.util.Locale.ROOT))).build());
    }
}
