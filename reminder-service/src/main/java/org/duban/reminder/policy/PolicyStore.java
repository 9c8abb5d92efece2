package org.duban.reminder.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.Versions;
import org.duban.reminder.engine.Policy;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reminder policies: one per plan that has its own, and the fallback {@code default}. */
@ApplicationScoped
public class PolicyStore {

    public static final String DEFAULT = "default";

    private final ObjectMapper json;
    private final Clock clock;

    PolicyStore(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** The policies in force: {@code default} (always present) and every plan's own, by plan key. */
    @Transactional
    public Map<String, Policy> all() {
        Map<String, Policy> policies = new HashMap<>();
        Policy fallback = StoredPolicy.<StoredPolicy>findByIdOptional(DEFAULT).map(p -> read(p, Policy.BUILT_IN))
                .orElse(Policy.BUILT_IN);
        policies.put(DEFAULT, fallback);
        StoredPolicy.<StoredPolicy>streamAll().filter(p -> !p.planKey.equals(DEFAULT))
                .forEach(p -> policies.put(p.planKey, read(p, fallback)));
        return policies;
    }

    public record Found(Policy policy, long version, boolean own) {
    }

    @Transactional
    public Found get(String planKey) {
        Optional<StoredPolicy> fallbackRow = StoredPolicy.findByIdOptional(DEFAULT);
        Policy fallback = fallbackRow.map(p -> read(p, Policy.BUILT_IN)).orElse(Policy.BUILT_IN);
        if (planKey.equals(DEFAULT)) {
            return new Found(fallback, fallbackRow.map(p -> p.version).orElse(0L), fallbackRow.isPresent());
        }
        return StoredPolicy.<StoredPolicy>findByIdOptional(planKey)
                .map(p -> new Found(read(p, fallback), p.version, true))
                .orElse(new Found(fallback, 0L, false));
    }

    /**
     * Sets a plan's policy; fields the request leaves out follow the default policy (now and when it
     * changes later). Replacing
     * an existing policy needs its version ({@code If-Match}); creating one does not.
     */
    @Transactional
    public Found put(String planKey, ReminderPolicy request, String ifMatch, String by) {
        Policy base = planKey.equals(DEFAULT) ? Policy.BUILT_IN : get(DEFAULT).policy();
        Policy policy = request.toPolicy(base);
        StoredPolicy row = StoredPolicy.findById(planKey);
        if (row == null) {
            row = new StoredPolicy();
            row.planKey = planKey;
        } else {
            Versions.check(Versions.required(ifMatch), row.version, "reminder policy " + planKey);
        }
        row.settings = write(request); // as given: what it leaves out follows the default policy
        row.updatedAt = clock.instant();
        row.updatedBy = by;
        row.persistAndFlush();
        return new Found(policy, row.version, true);
    }

    private Policy read(StoredPolicy row, Policy base) {
        try {
            return json.readValue(row.settings, ReminderPolicy.class).toPolicy(base);
        } catch (JsonProcessingException | ProblemException e) {
            throw new IllegalStateException("reminder policy " + row.planKey + " cannot be read", e);
        }
    }

    private String write(ReminderPolicy policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
