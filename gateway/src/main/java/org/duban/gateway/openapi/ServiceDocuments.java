package org.duban.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import org.duban.gateway.routing.RoutingConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The merged OpenAPI document: the gateway's own (GET /api/me) and each service's
 * {@code /q/openapi?format=json}, fetched side by side, merged, and kept for a short while. A service
 * that does not hand over its document in time is left out (and named in the description) rather
 * than failing the whole document; such an incomplete document is kept for a few seconds only.
 */
@ApplicationScoped
public class ServiceDocuments {

    private static final Logger LOG = Logger.getLogger(ServiceDocuments.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INCOMPLETE_TTL = Duration.ofSeconds(5);

    private record Snapshot(long madeAt, long ttlNanos, CompletableFuture<JsonNode> document) {
        boolean fresh(long now) {
            return !document.isCompletedExceptionally() && (!document.isDone() || now - madeAt < ttlNanos);
        }
    }

    private final RoutingConfig routing;
    private final OpenApiConfig config;
    private final OpenApiDocumentService own;
    private final OpenApiMerger merger;
    private final String version;
    private final HttpClient http;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();

    ServiceDocuments(RoutingConfig routing, OpenApiConfig config, OpenApiDocumentService own,
                     @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev") String version) {
        this.routing = routing;
        this.config = config;
        this.own = own;
        this.version = version;
        this.merger = new OpenApiMerger(config.authorizationUrl(), config.tokenUrl());
        this.http = HttpClient.newBuilder().connectTimeout(config.fetchTimeout()).build();
    }

    /** The merged document, from the cache while it is fresh. */
    public CompletableFuture<JsonNode> merged() {
        long now = System.nanoTime();
        Snapshot snapshot = current.get();
        if (snapshot != null && snapshot.fresh(now)) {
            return snapshot.document();
        }
        CompletableFuture<JsonNode> document = new CompletableFuture<>();
        Snapshot made = new Snapshot(now, config.cacheTtl().toNanos(), document);
        if (!current.compareAndSet(snapshot, made)) {
            return current.get().document(); // another request is making it
        }
        build().whenComplete((result, failure) -> {
            if (failure != null) {
                document.completeExceptionally(failure);
                return;
            }
            if (!result.missing().isEmpty()) {
                current.compareAndSet(made, new Snapshot(made.madeAt(), Math.min(made.ttlNanos(), INCOMPLETE_TTL.toNanos()), document));
            }
            document.complete(result.document());
        });
        return document;
    }

    private record Built(JsonNode document, List<String> missing) {
    }

    private CompletableFuture<Built> build() {
        Map<String, CompletableFuture<JsonNode>> fetches = new LinkedHashMap<>();
        routing.services().forEach((name, service) -> fetches.put(name, fetch(name, service.url())));
        return CompletableFuture.allOf(fetches.values().toArray(CompletableFuture[]::new)).thenApply(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            documents.put("gateway", ownDocument());
            fetches.forEach((name, fetch) -> {
                JsonNode doc = fetch.join();
                if (doc == null) {
                    missing.add(name);
                } else {
                    documents.put(name, doc);
                }
            });
            OpenApiMerger.Result result = merger.merge("Duban API", version, documents, missing);
            result.warnings().forEach(warning -> LOG.warnf("Merged OpenAPI: %s", warning));
            return new Built(result.document(), missing);
        });
    }

    private JsonNode ownDocument() {
        try {
            return JSON.readTree(own.getDocument(io.quarkus.smallrye.openapi.runtime.OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
        } catch (Exception e) {
            LOG.warnf("Merged OpenAPI: the gateway's own document cannot be read (%s)", e.toString());
            return null;
        }
    }

    /** The service's document, or null (with a warning) when it cannot be had. */
    private CompletableFuture<JsonNode> fetch(String name, URI base) {
        URI uri = URI.create(base.toString().replaceFirst("/$", "") + "/q/openapi?format=json");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.fetchTimeout())
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(answer -> {
            if (answer.statusCode() != 200) {
                LOG.warnf("Merged OpenAPI: %s answered %d for %s; it is left out", name, answer.statusCode(), uri);
                return (JsonNode) null;
            }
            try {
                JsonNode doc = JSON.readTree(answer.body());
                if (doc == null || !doc.isObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                return doc;
            } catch (Exception e) {
                LOG.warnf("Merged OpenAPI: %s sent an unreadable document (%s); it is left out", name, e.getMessage());
                return null;
            }
        }).exceptionally(failure -> {
            LOG.warnf("Merged OpenAPI: %s cannot be reached at %s (%s); it is left out", name, uri, failure.getCause() == null
                    ? failure.toString() : failure.getCause().toString());
            return null;
        });
    }
}
