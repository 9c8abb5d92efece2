package org.duban.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.gateway.routing.RoutingConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The merged OpenAPI document: the gateway's own (GET /api/me) and each service's
 * {@code /q/openapi?format=json}, fetched side by side, merged, written as JSON and YAML once, and
 * kept for a short while. A service that does not hand over its document in time is left out (and
 * named in the description) rather than failing the whole document; such an incomplete document is
 * kept for a few seconds only.
 *
 * <p>Nothing waits on a thread: the fetches are the event loop's (Vert.x' HTTP client), and the
 * merging and writing, a few milliseconds of CPU every {@code cache-ttl} at most, run on a worker.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Duration INCOMPLETE_TTL = Duration.ofSeconds(5);

    /** The merged document, written both ways. */
    public record Merged(String json, String yaml) {
    }

    private record Snapshot(long madeAt, long ttlNanos, CompletableFuture<Merged> document) {
        boolean fresh(long now) {
            return !document.isCompletedExceptionally() && (!document.isDone() || now - madeAt < ttlNanos);
        }
    }

    private record Built(Merged document, List<String> missing) {
    }

    private final RoutingConfig routing;
    private final OpenApiConfig config;
    private final OpenApiDocumentService own;
    private final OpenApiMerger merger;
    private final String version;
    private final Vertx vertx;
    private final HttpClient http;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    ServiceDocuments(RoutingConfig routing, OpenApiConfig config, OpenApiDocumentService own, Vertx vertx,
                     @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.routing = routing;
        this.config = config;
        this.own = own;
        this.version = version;
        this.vertx = vertx;
        this.merger = new OpenApiMerger(config.authorizationUrl(), config.tokenUrl());
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.fetchTimeout().toMillis())
                .setMaxPoolSize(2));
    }

    /** The merged document, from the cache while it is fresh. */
    public CompletableFuture<Merged> merged() {
        long now = System.nanoTime();
        Snapshot snapshot = current.get();
        if (snapshot != null && snapshot.fresh(now)) {
            return snapshot.document();
        }
        CompletableFuture<Merged> document = new CompletableFuture<>();
        Snapshot made = new Snapshot(now, config.cacheTtl().toNanos(), document);
        if (!current.compareAndSet(snapshot, made)) {
            return current.get().document(); // another request is making it
        }
        build().onComplete(built -> {
            if (built.failed()) {
                document.completeExceptionally(built.cause());
                return;
            }
            if (!built.result().missing().isEmpty()) {
                current.compareAndSet(made, new Snapshot(made.madeAt(), Math.min(made.ttlNanos(), INCOMPLETE_TTL.toNanos()), document));
            }
            document.complete(built.result().document());
        });
        return document;
    }

    private Future<Built> build() {
        Map<String, Future<JsonNode>> fetches = new LinkedHashMap<>();
        routing.services().forEach((name, service) -> fetches.put(name, fetch(name, service.url())));
        return Future.join(List.copyOf(fetches.values())).transform(done -> vertx.executeBlocking(() -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            documents.put("gateway", ownDocument());
            fetches.forEach((name, fetch) -> {
                if (fetch.result() == null) {
                    missing.add(name);
                } else {
                    documents.put(name, fetch.result());
                }
            });
            OpenApiMerger.Result result = merger.merge("Duban API", version, documents, missing);
            result.warnings().forEach(warning -> LOG.warnf("Merged OpenAPI: %s", warning));
            Merged merged = new Merged(JSON.writeValueAsString(result.document()), YAML.writeValueAsString(result.document()));
            return new Built(merged, missing);
        }, false));
    }

    private JsonNode ownDocument() {
        try {
            return JSON.readTree(own.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
        } catch (Exception e) {
            LOG.warnf("Merged OpenAPI: the gateway's own document cannot be read (%s)", e.toString());
            return null;
        }
    }

    /** The service's document, or null (with a warning) when it cannot be had; this future never fails. */
    private Future<JsonNode> fetch(String name, URI base) {
        String uri = base.toString().replaceFirst("/$", "") + "/q/openapi?format=json";
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri)
                .setIdleTimeout(config.fetchTimeout().toMillis()).putHeader("Accept", "application/json");
        return http.request(options)
                .compose(request -> request.send())
                .compose(answer -> answer.statusCode() == 200
                        ? answer.body()
                        : Future.failedFuture(new IllegalStateException("it answered " + answer.statusCode())))
                .map(body -> readDocument(name, body))
                .otherwise(failure -> {
                    LOG.warnf("Merged OpenAPI: %s cannot hand over %s (%s); it is left out", name, uri, failure.toString());
                    return null;
                });
    }

    private static JsonNode readDocument(String name, Buffer body) {
        try {
            JsonNode doc = JSON.readTree(body.getBytes());
            if (doc == null || !doc.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return doc;
        } catch (Exception e) {
            throw new IllegalArgumentException(name + " sent an unreadable document: " + e.getMessage(), e);
        }
    }
}
