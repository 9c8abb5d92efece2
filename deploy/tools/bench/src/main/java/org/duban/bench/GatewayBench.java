package org.duban.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the gateway adds: the same request sent to unit-service directly and through the gateway,
 * in pairs whose order alternates, so that load from elsewhere, JIT and caches hit both sides
 * alike. Reports both distributions and the added latency at p50 and p99.
 * {@code ./duban bench gateway [-Dconcurrency=1] [-Dseconds=20] [-Dwarmup=10]}.
 */
final class GatewayBench {

    private GatewayBench() {
    }

    /** One request, sent to the base URL it is given; answers whether the answer was right. */
    @FunctionalInterface
    interface Request {
        boolean send(String base, int iteration) throws Exception;
    }

    static void run(int concurrency, Duration warmup, Duration measure) throws Exception {
        String service = System.getProperty("unitService", "http://localhost:8082");
        String gateway = System.getProperty("gateway", "http://localhost:8080");
        Bench.Tokens tokens = new Bench.Tokens();
        Map<String, Request> scenarios = new java.util.LinkedHashMap<>();
        scenarios.put("get one unit (~1 KB)", (base, i) -> Bench.ok(Bench.get(base + "/api/units/gov-3401" + (i % 2 == 0 ? "00" : "23"),
                tokens.get())));
        scenarios.put("list page of 50 (~30 KB)", (base, i) -> Bench.ok(Bench.get(base + "/api/units?size=50&page=" + (i % 200),
                tokens.get())));
        scenarios.put("resolve a text (POST)", (base, i) -> Bench.ok(Bench.post(base + "/api/units/resolve", tokens.get(),
                "{\"text\":\"省发展改革委、省住房城乡建设厅牵头，省政府各有关部门，各市政府负责落实\"}")));
        System.out.printf("## Gateway overhead: unit-service direct vs through the gateway, interleaved pairs "
                + "(%d workers, %s warm-up, %s measured)%n%n", concurrency, warmup, measure);
        System.out.println("| scenario | pairs | direct p50 ms | gateway p50 ms | added p50 ms | direct p99 ms | gateway p99 ms | added p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (var scenario : scenarios.entrySet()) {
            pairs(service, gateway, scenario.getValue(), concurrency, warmup);
            Pairs measured = pairs(service, gateway, scenario.getValue(), concurrency, measure);
            double d50 = ms(measured.direct.getValueAtPercentile(50));
            double g50 = ms(measured.gateway.getValueAtPercentile(50));
            double d99 = ms(measured.direct.getValueAtPercentile(99));
            double g99 = ms(measured.gateway.getValueAtPercentile(99));
            System.out.printf("| %s | %d | %.2f | %.2f | %+.2f | %.2f | %.2f | %+.2f | %d |%n", scenario.getKey(),
                    measured.direct.getTotalCount(), d50, g50, g50 - d50, d99, g99, g99 - d99, measured.errors);
        }
    }

    private record Pairs(Histogram direct, Histogram gateway, long errors) {
    }

    private static Pairs pairs(String service, String gateway, Request request, int concurrency, Duration length) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long deadline = System.nanoTime() + length.toNanos();
            List<Future<Pairs>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    Histogram direct = new Histogram(3_600_000_000_000L, 3);
                    Histogram viaGateway = new Histogram(3_600_000_000_000L, 3);
                    long errors = 0;
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                        boolean gatewayFirst = i % 2 == 1;
                        for (int leg = 0; leg < 2; leg++) {
                            boolean throughGateway = (leg == 0) == gatewayFirst;
                            long start = System.nanoTime();
                            boolean ok;
                            try {
                                ok = request.send(throughGateway ? gateway : service, i);
                            } catch (Exception e) {
                                Failures.record(e);
                                ok = false;
                            }
                            (throughGateway ? viaGateway : direct).recordValue(System.nanoTime() - start);
                            errors += ok ? 0 : 1;
                        }
                    }
                    return new Pairs(direct, viaGateway, errors);
                }));
            }
            Histogram direct = new Histogram(3_600_000_000_000L, 3);
            Histogram viaGateway = new Histogram(3_600_000_000_000L, 3);
            long errors = 0;
            for (Future<Pairs> worker : workers) {
                Pairs p = worker.get();
                direct.add(p.direct);
                viaGateway.add(p.gateway);
                errors += p.errors;
            }
            return new Pairs(direct, viaGateway, errors);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
