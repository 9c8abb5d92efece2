package org.duban.gateway.traffic;

import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.regex.Pattern;

/** How large a request body may be: {@code max-upload-size} for an upload, {@code max-request-size} for anything else. */
@ApplicationScoped
public class BodyLimits {

    private final long request;
    private final long upload;
    private final Pattern uploadPaths;

    @Inject
    BodyLimits(TrafficConfig config) {
        this(config.maxRequestSize().asLongValue(), config.maxUploadSize().asLongValue(), Pattern.compile(config.uploadPaths()));
    }

    BodyLimits(long request, long upload, Pattern uploadPaths) {
        this.request = request;
        this.upload = upload;
        this.uploadPaths = uploadPaths;
    }

    public long limitFor(HttpMethod method, String path) {
        return isUpload(method, path) ? upload : request;
    }

    /** A {@code POST} to an upload path. */
    public boolean isUpload(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method) && path != null && uploadPaths.matcher(path).matches();
    }
}
