import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Search latency and export of a running Quartermaster on loopback (JDK only; run with
 * {@code java bench/CatalogBench.java BASE_URL API_KEY [SEARCHES]}). Sequential requests from one
 * client, a fixed seed, bounded in count and in time.
 */
public class CatalogBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern UPLOAD = Pattern.compile("\"upload_id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)", Pattern.MULTILINE);
    private static final String[] WORDS = {"gpt", "claude", "gemini", "mistral", "llama", "qwen", "phi", "command",
            "deepseek", "granite", "mini", "pro", "turbo", "flash", "nano", "lite", "coding", "support", "translation",
            "careful", "multilingual", "4711", "gpt-mini", "claude ultra 12", "no-such-model-xyz", "ge", "a"};
    private static final Duration TIME_LIMIT = Duration.ofMinutes(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    CatalogBench(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        CatalogBench bench = new CatalogBench(args[0], args[1]);
        int searches = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        bench.searches(searches);
        bench.searchesAfterWrites(20);
        bench.exportAndDownload();
    }

    void searches(int count) throws Exception {
        String options = post("/api/v5/artifacts/models/search", "{\"search\": \"no-such-model-xyz\", \"page_size\": 1}");
        List<String> providers = ids(section(options, "provider_filter", "department_filter"));
        List<String> departments = ids(section(options, "department_filter", "agent_filter"));
        List<String> agents = ids(section(options, "agent_filter", "total_count"));
        Random random = new Random(42);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count + 30; i++) {
            bodies.add(body(random, providers, departments, agents));
        }
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < bodies.size() && System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            post("/api/v5/artifacts/models/search", bodies.get(i));
            if (i >= 30) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(millis);
        System.out.printf("searches: %d measured after 30 warm-up (%d providers, %d departments, %d agents to filter by)%n",
                millis.size(), providers.size(), departments.size(), agents.size());
        System.out.printf("search latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f  mean %.1f%n", pct(millis, 50),
                pct(millis, 95), pct(millis, 99), millis.getLast(), millis.stream().mapToDouble(d -> d).average().orElse(0));
    }

    /** Each search right after an update: it pays for catching the index up with that write. */
    void searchesAfterWrites(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"model_id\":\"([0-9a-f-]{36})\"")
                .matcher(post("/api/v5/artifacts/models/search", "{\"search\": \"turbo\", \"page_size\": " + count + "}"));
        while (m.find()) {
            ids.add(m.group(1));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            post("/api/v5/artifacts/models/update", "{\"models\": [{\"model_id\": \"" + ids.get(i)
                    + "\", \"description\": \"edited by the benchmark " + i + "\"}]}");
            long start = System.nanoTime();
            String found = post("/api/v5/artifacts/models/search", "{\"search\": \"edited by the benchmark " + i + "\"}");
            millis.add((System.nanoTime() - start) / 1e6);
            if (!found.contains(ids.get(i))) {
                throw new IllegalStateException("search did not see the update of " + ids.get(i));
            }
        }
        Collections.sort(millis);
        System.out.printf("search right after an update (%d, each found its write): p50 %.1f  p95 %.1f  max %.1f ms%n",
                millis.size(), pct(millis, 50), pct(millis, 95), millis.getLast());
    }

    /** A varied search: text alone, text with filters, filters with option searches, deep pages. */
    private static String body(Random r, List<String> providers, List<String> departments, List<String> agents) {
        List<String> fields = new ArrayList<>();
        int kind = r.nextInt(10);
        if (kind >= 2) {
            fields.add("\"search\": \"" + WORDS[r.nextInt(WORDS.length)] + "\"");
        }
        if (kind == 4 || kind == 5 || kind == 0) {
            fields.add("\"filter_provider_ids\": " + pick(r, providers, 1 + r.nextInt(2)));
            fields.add("\"provider_search\": \"" + (1 + r.nextInt(20)) + "\"");
        }
        if (kind == 6 || kind == 7) {
            fields.add("\"filter_department_ids\": " + pick(r, departments, 1 + r.nextInt(3)));
            fields.add("\"department_search\": \"" + "aeiou".charAt(r.nextInt(5)) + "\"");
        }
        if (kind == 8) {
            fields.add("\"filter_agent_ids\": " + pick(r, agents, 1));
            fields.add("\"agent_search\": \"agent\"");
        }
        int page = r.nextInt(10) < 8 ? 0 : r.nextInt(200);
        fields.add("\"page_size\": 50, \"page_offset\": " + page * 50);
        return "{" + String.join(", ", fields) + "}";
    }

    /** The whole catalog exported into the database, then downloaded from it, each while sampling the heap. */
    void exportAndDownload() throws Exception {
        long before = heap();
        Sampled<String> export = sampled(() -> post("/api/v5/artifacts/models/export", "{}"));
        System.out.printf("export: %.2f s, %s%n", export.seconds(), export.value());
        System.out.printf("server heap used (sampled every 50 ms): %d MiB before, %d MiB peak during export%n",
                before >> 20, export.peakHeap() >> 20);
        Matcher upload = UPLOAD.matcher(export.value());
        if (!upload.find()) {
            throw new IllegalStateException("no upload_id in " + export.value());
        }
        before = heap();
        Sampled<Long> download = sampled(() -> download(upload.group(1)));
        System.out.printf("download: %.2f s, %d bytes%n", download.seconds(), download.value());
        System.out.printf("server heap used (sampled every 50 ms): %d MiB before, %d MiB peak during download%n",
                before >> 20, download.peakHeap() >> 20);
    }

    private record Sampled<T>(T value, double seconds, long peakHeap) {
    }

    /** Runs {@code call} while another thread samples the server's heap every 50 ms. */
    private <T> Sampled<T> sampled(Callable<T> call) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong();
        Thread sampler = Thread.ofPlatform().start(() -> {
            while (running.get()) {
                try {
                    peak.accumulateAndGet(heap(), Math::max);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        T value;
        double seconds;
        try {
            value = call.call();
            seconds = (System.nanoTime() - start) / 1e9;
        } finally {
            running.set(false);
            sampler.join();
        }
        return new Sampled<>(value, seconds, peak.get());
    }

    /** Reads the file to its end without keeping it; answers its size in bytes. */
    private long download(String uploadId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v5/uploads/" + uploadId))
                .timeout(Duration.ofMinutes(5)).header("X-Api-Key", key).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("download " + uploadId + " -> " + response.statusCode());
            }
            return body.transferTo(OutputStream.nullOutputStream());
        }
    }

    private long heap() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).GET().build();
        Matcher m = HEAP.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        long sum = 0;
        while (m.find()) {
            sum += (long) Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private String post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " " + json + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String section(String body, String from, String to) {
        return body.substring(body.indexOf("\"" + from + "\""), body.indexOf("\"" + to + "\""));
    }

    private static List<String> ids(String text) {
        List<String> ids = new ArrayList<>();
        Matcher m = ID.matcher(text);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String pick(Random r, List<String> ids, int n) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < n && !ids.isEmpty(); i++) {
            picked.add("\"" + ids.get(r.nextInt(ids.size())) + "\"");
        }
        return picked.toString();
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
