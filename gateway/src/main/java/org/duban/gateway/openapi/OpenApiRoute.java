package org.duban.gateway.openapi;

import io.vertx.core.Context;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.gateway.problem.Problems;
import org.jboss.logging.Logger;

/**
 * {@code GET /q/openapi}: the merged document of every service (SmallRye's document of the gateway
 * alone moved to {@code /q/openapi-gateway}). JSON or YAML the way each service answers: {@code format}
 * decides, else JSON when the caller accepts it, else YAML.
 */
@ApplicationScoped
public class OpenApiRoute {

    private static final Logger LOG = Logger.getLogger(OpenApiRoute.class);

    private final ServiceDocuments documents;

    OpenApiRoute(ServiceDocuments documents) {
        this.documents = documents;
    }

    void register(@Observes Router router) {
        router.get("/q/openapi").order(-100).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        boolean json = wantsJson(ctx.request().getParam("format"), ctx.request().getHeader("Accept"));
        Context context = ctx.vertx().getOrCreateContext();
        documents.merged().whenComplete((document, failure) -> context.runOnContext(onLoop -> {
            if (failure != null) {
                LOG.errorf(failure, "The merged OpenAPI document cannot be made");
                Problems.send(ctx, 503, "openapi-unavailable", "Service unavailable",
                        "The merged OpenAPI document cannot be made now; try again shortly");
                return;
            }
            ctx.response().putHeader("Content-Type", json ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                    .putHeader("Cache-Control", "no-cache")
                    .end(json ? document.json() : document.yaml());
        }));
    }

    static boolean wantsJson(String format, String accept) {
        if (format != null) {
            return !format.equalsIgnoreCase("yaml");
        }
        return accept != null && accept.toLowerCase().contains("json");
    }
}
