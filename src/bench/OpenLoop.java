// Open-loop load at a fixed arrival rate (issue 20): requests start on a schedule (rate per second), whether
// or not earlier ones have answered, and each latency runs from the request's scheduled start, so a stalled
// service shows in the figures instead of slowing the load down (no coordinated omission). JDK only:
//   java src/bench/OpenLoop.java registration BASE_URL RATE SECONDS SLUG ORG_ID "SESSION_ID ..."
//   java src/bench/OpenLoop.java scan BASE_URL RATE SECONDS CODES_FILE FIRST_CODE COOKIE_OR_BEARER LIST
//     (COOKIE_OR_BEARER: "name=value" is sent as a Cookie, "Bearer rct_…" as the Authorization header)
// Prints "OPENLOOP kind=… rate=… sent=… ok=… other=… errors=… late_starts=… p50_ms=… p90_ms=… p99_ms=… max_ms=…";
// late_starts counts requests this client itself started more than 5 ms after their time (a loaded client).

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

public class OpenLoop {

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        String base = args[1];
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        IntFunction<HttpRequest> request;
        int okStatus;
        String run = Long.toString(System.currentTimeMillis(), 36);
        if (kind.equals("registration")) {
            String slug = args[4];
            String org = args[5];
            String[] sessions = args[6].trim().split("\\s+");
            okStatus = 201;
            request = i -> {
                String key = "ol-" + run + "-" + i;
                String body = "{\"firstName\":\"Open\",\"lastName\":\"Loop " + key + "\",\"email\":\"" + key
                        + "@example.org\",\"organisationId\":" + org + ",\"participantType\":\"OFFICER\",\"consent\":true,"
                        + "\"sessionIds\":[" + sessions[Math.floorMod(i * 7919, sessions.length)] + "]}";
                return HttpRequest.newBuilder(URI.create(base + "/api/v1/events/" + slug + "/registrations"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            };
        } else if (kind.equals("scan")) {
            List<String> codes = Files.readAllLines(Path.of(args[4]));
            int first = Integer.parseInt(args[5]);
            String credential = args[6];
            String header = credential.startsWith("Bearer ") ? "Authorization" : "Cookie";
            String list = args[7];
            okStatus = 200;
            request = i -> {
                String body = "{\"code\":\"" + codes.get((first + i) % codes.size()) + "\",\"list\":\"" + list
                        + "\",\"mode\":\"entry\",\"nonce\":\"ol-" + run + "-" + i + "\"}";
                return HttpRequest.newBuilder(URI.create(base + "/api/v1/checkins"))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header(header, credential).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            };
        } else {
            throw new IllegalArgumentException("kind: registration or scan");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(10)).build();
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        int late = 0;
        ConcurrentLinkedQueue<CompletableFuture<?>> pending = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (System.nanoTime() - due > 5_000_000L) {
                late++;
            }
            int index = i;
            pending.add(client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
                    .orTimeout(30, TimeUnit.SECONDS)
                    .whenComplete((response, failure) -> {
                        latencies[index] = System.nanoTime() - due;
                        if (failure != null) {
                            errors.incrementAndGet();
                        } else if (response.statusCode() == okStatus) {
                            ok.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                    }));
        }
        for (CompletableFuture<?> future : pending) {
            try {
                future.join();
            } catch (RuntimeException ignored) {
                // counted in errors
            }
        }
        long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("OPENLOOP kind=%s rate=%d seconds=%d sent=%d ok=%d other=%d errors=%d late_starts=%d "
                        + "p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", kind, rate, seconds, total, ok.get(),
                other.get(), errors.get(), late, pct(done, 0.50), pct(done, 0.90), pct(done, 0.99),
                done.length == 0 ? 0 : done[done.length - 1] / 1e6);
        System.exit(0);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
