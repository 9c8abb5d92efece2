package org.duban.task.evidence;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.duban.platform.api.LargeBodyRoute;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.regex.Pattern;

/**
 * {@code POST /api/assignments/{id}/attachments} takes a body up to the file limit plus the form
 * around it, instead of the service-wide {@code duban.http.max-request-size}; the upload itself counts
 * the file while it streams. Start-up fails when {@code quarkus.http.limits.max-body-size} is below
 * that, since Quarkus would then refuse uploads near the limit with a bare 413 before they arrive.
 */
@ApplicationScoped
public class EvidenceUploadRoute implements LargeBodyRoute {

    /** Room for the multipart envelope: boundaries, part headers and the few bytes of other fields tolerated. */
    static final long ENVELOPE = 128 * 1024;
    private static final Pattern PATH = Pattern.compile("/api/assignments/[^/]+/attachments/?");

    private final long maxRequestSize;

    EvidenceUploadRoute(EvidenceConfig config) {
        this.maxRequestSize = config.maxSize().asLongValue() + ENVELOPE;
    }

    @Override
    public boolean matches(String method, String path) {
        return "POST".equals(method) && PATH.matcher(path).matches();
    }

    @Override
    public long maxRequestSize() {
        return maxRequestSize;
    }

    void check(@Observes StartupEvent started) {
        long bodyLimit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        if (bodyLimit < maxRequestSize) {
            throw new IllegalStateException("quarkus.http.limits.max-body-size (" + bodyLimit + " bytes) must be at least "
                    + "duban.evidence.max-size + 128K (" + maxRequestSize + " bytes), or uploads near the limit are refused "
                    + "before they arrive");
        }
    }
}
