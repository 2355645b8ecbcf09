import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator of the registration benchmark (run by run.sh): CLIENTS concurrent clients post
 * registrations (JSON API) for one edition, each choosing one random session; prints confirmed
 * registrations per second, p50/p99 latency and the answers by HTTP status and code.
 * Usage: java RegistrationBench.java BASE_URL SLUG ORGANISATION_ID CLIENTS REQUESTS SESSION_ID...
 */
public class RegistrationBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String slug = args[1];
        String organisation = args[2];
        int clients = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        long[] sessions = Arrays.stream(args, 5, args.length).mapToLong(Long::parseLong).toArray();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[requests];
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        LongAdder confirmed = new LongAdder();
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests) {
                    long session = sessions[ThreadLocalRandom.current().nextInt(sessions.length)];
                    String body = """
                            {"firstName":"Bench","lastName":"Client %d","email":"bench-%s-%d@example.org",
                             "organisationId":%s,"participantType":"OFFICER","consent":true,"sessionIds":[%d]}"""
                            .formatted(i, run, i, organisation, session);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events/" + slug + "/registrations"))
                            .header("Content-Type", "application/json").header("Idempotency-Key", run + "-" + i)
                            .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        outcome = response.statusCode() + (response.statusCode() >= 400
                                ? " " + response.body().replaceAll(".*\"code\":\"([a-z_]+)\".*", "$1") : "");
                        if (response.statusCode() == 201 && response.body().contains("\"status\":\"CONFIRMED\"")
                                && response.body().contains("\"CONFIRMED\"}")) {
                            confirmed.increment();
                        }
                    } catch (Exception e) {
                        outcome = "exception " + e.getClass().getSimpleName();
                    }
                    latencies[i] = System.nanoTime() - t0;
                    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                }
                done.countDown();
            }).start();
        }
        done.await();
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("requests=%d clients=%d wall=%.2fs%n", requests, clients, seconds);
        System.out.printf("confirmed (event and session seat)=%d -> %.0f confirmed registrations/s; all answers %.0f req/s%n",
                confirmed.sum(), confirmed.sum() / seconds, requests / seconds);
        System.out.printf("latency p50=%.1f ms p99=%.1f ms max=%.1f ms%n", sorted[requests / 2] / 1e6,
                sorted[(int) (requests * 0.99)] / 1e6, sorted[requests - 1] / 1e6);
        List<String> keys = new ArrayList<>(outcomes.keySet());
        keys.sort(null);
        keys.forEach(k -> System.out.println("  " + k + ": " + outcomes.get(k).sum()));
    }
}
