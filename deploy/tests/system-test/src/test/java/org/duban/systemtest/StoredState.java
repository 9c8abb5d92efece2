package org.duban.systemtest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the services have stored, as the office and the integrator read it through the gateway: counts
 * and a checksum of the fields a write would change, per list, and the end of the sync feed. Two
 * snapshots are equal when nothing was written in between (nothing here changes on its own: the
 * system test runs reminders only when asked).
 */
record StoredState(Map<String, String> lists, String syncCursor) {

    static StoredState read() {
        String office = Users.office();
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("units", digest(Gateway.all(office, "/api/units", Map.of()),
                "code", "name", "parentCode", "active", "version"));
        lists.put("unit groups", sha256(Gateway.as(office).when().get("/api/unit-groups").then().statusCode(200).extract().asString()));
        List<Map<String, Object>> plans = Gateway.all(office, "/api/plans", Map.of());
        lists.put("plans", digest(plans, "id", "documentNumber", "title"));
        lists.put("assignments", digest(Gateway.all(office, "/api/assignments", Map.of()),
                "id", "unitCode", "status", "version", "dueDate", "reviewNeeded", "updatedAt"));
        lists.put("extension requests", digest(Gateway.all(office, "/api/extension-requests", Map.of()),
                "id", "status", "until"));
        lists.put("notifications", digest(Gateway.all(office, "/api/notifications", Map.of()), "id", "readAt"));
        lists.put("webhooks", digest(Gateway.all(office, "/api/webhooks", Map.of()), "id", "url", "events", "unitCode", "createdAt"));
        StringBuilder policies = new StringBuilder(policy("default"));
        plans.forEach(plan -> policies.append(policy(String.valueOf(plan.get("id")))));
        lists.put("reminder policies", sha256(policies.toString()));
        lists.put("calendar", sha256(Gateway.as(office).when().get("/api/calendar").then().statusCode(200).extract().asString()));
        return new StoredState(lists, Gateway.pullSync(null).cursor());
    }

    /** What changed since {@code before}: nothing, or the lists that differ and whether the sync feed moved. */
    List<String> changesSince(StoredState before) {
        List<String> changes = new java.util.ArrayList<>();
        lists.forEach((name, digest) -> {
            if (!digest.equals(before.lists.get(name))) {
                changes.add(name + " changed: " + before.lists.get(name) + " → " + digest);
            }
        });
        if (!java.util.Objects.equals(syncCursor, before.syncCursor)) {
            changes.add("the sync feed moved: " + before.syncCursor + " → " + syncCursor);
        }
        return changes;
    }

    private static String policy(String planId) {
        var answer = Gateway.as(Users.office()).when().get("/api/reminder-policies/" + planId).then().extract();
        return planId + ":" + answer.statusCode() + ":" + answer.header("ETag") + ":" + answer.asString() + "\n";
    }

    /** "<count> items, <sha256 of the fields>". */
    private static String digest(List<Map<String, Object>> items, String... fields) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> item : items) {
            for (String field : fields) {
                text.append(item.get(field)).append('\u001f');
            }
            text.append('\n');
        }
        return items.size() + " items, " + sha256(text.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
