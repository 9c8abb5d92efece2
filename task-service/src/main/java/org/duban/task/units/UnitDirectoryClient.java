package org.duban.task.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.duban.platform.api.ProblemException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * unit-service as plan import sees it, with timeouts, retries and a circuit breaker (values in
 * application.properties, overridable per environment). When unit-service cannot answer, the
 * caller gets a 503 problem and nothing is imported.
 */
@ApplicationScoped
public class UnitDirectoryClient {

    private final UnitServiceApi api;

    UnitDirectoryClient(@RestClient UnitServiceApi api) {
        this.api = api;
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, skipOn = ProblemException.class)
    public UnitServiceApi.Resolution resolve(String authorization, String text) {
        return call(() -> api.resolve(authorization, new UnitServiceApi.ResolveRequest(text)));
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, skipOn = ProblemException.class)
    public UnitServiceApi.Group group(String authorization, String code) {
        return call(() -> api.group(authorization, code));
    }

    /** Every active member of a definite group, with names. */
    @Timeout(10000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, skipOn = ProblemException.class)
    public List<UnitServiceApi.Unit> members(String authorization, String code) {
        return call(() -> {
            List<UnitServiceApi.Unit> all = new ArrayList<>();
            for (int page = 0; ; page++) {
                UnitServiceApi.Page answer = api.members(authorization, code, 500, page);
                all.addAll(answer.items());
                if (all.size() >= answer.total() || answer.items().isEmpty()) {
                    return all;
                }
            }
        });
    }

    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 200, abortOn = ProblemException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10000, skipOn = ProblemException.class)
    public UnitServiceApi.Unit unit(String authorization, String code) {
        return call(() -> api.unit(authorization, code));
    }

    /**
     * A 4xx from unit-service is an answer (passed on as a problem, never retried); a 5xx or no
     * answer is an outage (retried, then 503 via {@link #unavailable}).
     */
    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                throw new ProblemException(status, status == 401 ? "unauthenticated" : "forbidden",
                        status == 401 ? "Unauthorized" : "Forbidden", "unit-service refused the request (HTTP " + status + ")");
            }
            if (status >= 400 && status < 500) {
                throw new ProblemException(422, "unit-lookup", "Unprocessable content",
                        "unit-service could not answer the lookup (HTTP " + status + ")");
            }
            throw e;
        }
    }

    /** Maps the exhausted outcomes of the fault-tolerance chain to the caller's 503. */
    public static ProblemException unavailable(RuntimeException cause) {
        String why = cause instanceof TimeoutException ? "did not answer in time"
                : cause instanceof CircuitBreakerOpenException ? "is failing; requests are paused for a while"
                : cause instanceof ProcessingException ? "cannot be reached" : "answered with an error";
        return ProblemException.unavailable("unit-service-unavailable",
                "unit-service " + why + "; the plan was not imported — try again shortly");
    }
}
