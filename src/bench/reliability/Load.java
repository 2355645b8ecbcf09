import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clients of reliability.sh (Java's HTTP client: 500 curl processes cannot be forked at once on a 2-core
 * machine, so curl "clients" queue behind each other instead of racing). Run with {@code java Load.java MODE …}.
 * Every answer is one line of the output file: {@code <epoch ms> <port> <HTTP code, 000 = no answer> <key> <flag>}.
 * <ul>
 * <li>{@code race OUT LABEL CLIENTS ORG SLUG WAITING_LIST PORT1 PORT2}: CLIENTS registrations, each a new person,
 * built first and then all sent at once (half to each instance); key = the registration id answered, flag = the
 * Retry-After header on a 503 ({@code retry} or {@code -}).</li>
 * <li>{@code scans OUT STOP LIST FIRST_ID COUNT AUTH PER_SECOND PORT1 PORT2}: entrance scans by registration id
 * (ids FIRST_ID…FIRST_ID+COUNT-1, each once) until the file STOP exists; key = nonce:registration id, flag =
 * {@code accepted} when the answer says so.</li>
 * <li>{@code payments OUT STOP EVENT_ID INVOICE_ID AUTH PER_SECOND LABEL PORT1 PORT2}: 1.00 € payments recorded
 * on the staff invoice page (the form a desk uses: CSRF token from the page) until STOP exists; key = the
 * payment's reference; 303 = recorded.</li>
 * </ul>
 * AUTH is the value of the Authorization header of a staff account (see {@code auth} in reliability.sh).
 */
public class Load {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
            .executor(Executors.newFixedThreadPool(16)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "race" -> race(args);
            case "scans" -> scans(args);
            case "payments" -> payments(args);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    static void race(String[] a) throws Exception {
        Path out = Path.of(a[1]);
        String label = a[2];
        int clients = Integer.parseInt(a[3]);
        String org = a[4], slug = a[5], waiting = a[6];
        int[] ports = {Integer.parseInt(a[7]), Integer.parseInt(a[8])};
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            String body = "{\"firstName\":\"Client\",\"lastName\":\"N" + i + "\",\"email\":\"c" + i + "-" + label
                    + "@example.org\",\"organisationId\":" + org + ",\"participantType\":\"OFFICER\",\"consent\":true"
                    + ",\"waitingList\":" + waiting + "}";
            requests.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports[i % 2] + "/api/v1/events/" + slug
                            + "/registrations")).timeout(Duration.ofSeconds(90))
                    .header("Content-Type", "application/json").header("Idempotency-Key", label + "-" + i)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
        // each answer is written as it comes (reliability.sh kills an instance once it has answered some)
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out), true)) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (HttpRequest request : requests) {
                int port = request.uri().getPort();
                all.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                    String line;
                    if (response == null) {
                        line = System.currentTimeMillis() + " " + port + " 000 - " + kind(error);
                    } else {
                        Matcher id = ID.matcher(response.body());
                        line = System.currentTimeMillis() + " " + port + " " + response.statusCode() + " "
                                + (response.statusCode() == 201 && id.find() ? id.group(1) : "-") + " " + retry(response);
                    }
                    synchronized (writer) {
                        writer.println(line);
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
    }

    static void scans(String[] a) throws Exception {
        Path out = Path.of(a[1]), stop = Path.of(a[2]);
        String list = a[3];
        long first = Long.parseLong(a[4]);
        int count = Integer.parseInt(a[5]);
        String authorization = a[6];
        int perSecond = Integer.parseInt(a[7]);
        int[] ports = {Integer.parseInt(a[8]), Integer.parseInt(a[9])};
        AtomicInteger next = new AtomicInteger();
        paced(out, stop, perSecond, (n) -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return null;
            }
            long id = first + i;
            String nonce = "rel-" + Long.toHexString(System.nanoTime()) + "-" + id;
            int port = ports[i % 2];
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/checkins"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"registrationId\":" + id + ",\"list\":\"" + list
                            + "\",\"mode\":\"entry\",\"nonce\":\"" + nonce + "\"}")).build();
            return answer(port, request, nonce + ":" + id, body -> body.contains("\"accepted\":true") ? "accepted" : "-");
        });
    }

    static void payments(String[] a) throws Exception {
        Path out = Path.of(a[1]), stop = Path.of(a[2]);
        String eventId = a[3], invoiceId = a[4], authorization = a[5];
        int perSecond = Integer.parseInt(a[6]);
        String label = a[7];
        int[] ports = {Integer.parseInt(a[8]), Integer.parseInt(a[9])};
        String page = "/staff/invoices/" + eventId + "/invoice/" + invoiceId;
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        paced(out, stop, perSecond, (n) -> {
            int port = ports[n % 2];
            String reference = label + "-" + n;
            // the desk's form: its page first (CSRF cookie and field), then the post
            HttpResponse<String> form;
            try {
                form = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", authorization).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return System.currentTimeMillis() + " " + port + " 000 " + reference + " form-" + kind(e);
            }
            if (form.statusCode() != 200) {
                return System.currentTimeMillis() + " " + port + " " + form.statusCode() + " " + reference + " form-"
                        + retry(form);
            }
            String cookie = form.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rencontres_csrf="))
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse("");
            Matcher field = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"").matcher(form.body());
            String csrf = field.find() ? field.group(1) : "";
            String body = "csrfToken=" + enc(csrf) + "&paidOn=" + today + "&amountEuros=1.00&method=TRANSFER&reference="
                    + enc(reference);
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page + "/payments"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return answer(port, post, reference, b -> "-");
        });
    }

    interface Step {
        String run(int n) throws Exception;
    }

    /** Calls {@code step} PER_SECOND times a second (each call on a worker thread) until STOP exists; null = nothing to do. */
    static void paced(Path out, Path stop, int perSecond, Step step) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(32);
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out), true)) {
            long start = System.nanoTime();
            for (int n = 0; !Files.exists(stop); n++) {
                long due = start + n * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int number = n;
                CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return step.run(number);
                    } catch (Exception e) {
                        return System.currentTimeMillis() + " 0 000 - " + kind(e);
                    }
                }, workers);
                line.thenAccept(l -> {
                    if (l != null) {
                        synchronized (writer) {
                            writer.println(l);
                        }
                    }
                });
            }
        }
        workers.shutdown();
        workers.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
    }

    interface Flag {
        String of(String body);
    }

    static String answer(int port, HttpRequest request, String key, Flag flag) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String f = response.statusCode() == 503 ? retry(response) : flag.of(response.body());
            return System.currentTimeMillis() + " " + port + " " + response.statusCode() + " " + key + " " + f;
        } catch (IOException | InterruptedException e) {
            return System.currentTimeMillis() + " " + port + " 000 " + key + " " + kind(e);
        }
    }

    static String retry(HttpResponse<String> response) {
        return response.statusCode() == 503 ? response.headers().firstValue("Retry-After").map(v -> "retry").orElse("no-retry")
                : "-";
    }

    static String kind(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof ConnectException ? "refused" : t instanceof HttpTimeoutException ? "timeout" : "io";
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
