package org.duban.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A closed-loop load: a fixed number of workers each send one request after another for a fixed
 * time, after a warm-up whose figures are thrown away. Latencies go into an HdrHistogram.
 */
public final class LoadRun {

    /** One request; answers false when the answer was wrong (counted, not timed away). */
    @FunctionalInterface
    public interface Call {
        boolean run(int iteration) throws Exception;
    }

    public record Result(String name, int concurrency, long requests, long errors, double seconds, Histogram latency) {

        public double throughput() {
            return requests / seconds;
        }

        public String row() {
            return String.format("| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %d |", name, concurrency, requests,
                    throughput(), ms(latency.getValueAtPercentile(50)), ms(latency.getValueAtPercentile(90)),
                    ms(latency.getValueAtPercentile(99)), ms(latency.getMaxValue()), errors);
        }

        public static String header() {
            return "| scenario | concurrency | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors |\n"
                    + "|---|---|---|---|---|---|---|---|---|";
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }

    private LoadRun() {
    }

    /** A named load: how each worker sends its requests. */
    public record Scenario(String name, IntFunction<Call> perWorker) {
    }

    /**
     * Runs every scenario once unmeasured (a freshly started service JITs its code paths while the
     * first scenarios run, which would flatter the later ones), then each one measured.
     */
    public static List<Result> runAll(List<Scenario> all, int concurrency, Duration warmup, Duration measure) throws Exception {
        // -Dscenarios=list,search runs only the scenarios whose names start with one of these
        String only = System.getProperty("scenarios");
        List<Scenario> scenarios = only == null ? all : all.stream()
                .filter(s -> java.util.Arrays.stream(only.split(",")).anyMatch(p -> s.name().startsWith(p.trim()))).toList();
        for (Scenario scenario : scenarios) {
            run(scenario.name(), concurrency, Duration.ZERO, warmup, scenario.perWorker());
        }
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(run(scenario.name(), concurrency, Duration.ofSeconds(1), measure, scenario.perWorker()));
        }
        return results;
    }

    public static Result run(String name, int concurrency, Duration warmup, Duration measure, IntFunction<Call> perWorker)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            phase(pool, concurrency, warmup, perWorker, new Histogram(3_600_000_000_000L, 3), new AtomicLong());
            Histogram histogram = new Histogram(3_600_000_000_000L, 3);
            AtomicLong errors = new AtomicLong();
            long started = System.nanoTime();
            long requests = phase(pool, concurrency, measure, perWorker, histogram, errors);
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Result(name, concurrency, requests, errors.get(), seconds, histogram);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long phase(ExecutorService pool, int concurrency, Duration length, IntFunction<Call> perWorker,
                              Histogram histogram, AtomicLong errors) throws Exception {
        long deadline = System.nanoTime() + length.toNanos();
        List<Future<Long>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            Call call = perWorker.apply(w);
            Callable<Long> worker = () -> {
                Histogram own = new Histogram(3_600_000_000_000L, 3);
                long count = 0;
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = call.run((int) count);
                    } catch (Exception e) {
                        Failures.record(e);
                        ok = false;
                    }
                    own.recordValue(System.nanoTime() - start);
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    count++;
                }
                synchronized (histogram) {
                    histogram.add(own);
                }
                return count;
            };
            workers.add(pool.submit(worker));
        }
        long total = 0;
        for (Future<Long> worker : workers) {
            total += worker.get();
        }
        return total;
    }
}
