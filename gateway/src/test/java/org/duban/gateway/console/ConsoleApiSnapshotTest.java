package org.duban.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The console's API client is generated from {@code src/main/webui/openapi.json}, a committed copy of the
 * gateway's merged document. This test merges the services' real documents the way the running gateway does
 * (GET /q/openapi) and holds the copy to them: a change of the API shows here, and once the copy is
 * regenerated ({@code -Dduban.openapi.write=true}) the console's type check shows what of it breaks the console.
 */
@QuarkusTest
@TestProfile(ConsoleApiSnapshotTest.RealServiceDocuments.class)
class ConsoleApiSnapshotTest {

    /** The built services' documents instead of the other tests' stand-ins. */
    public static class RealServiceDocuments implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(BuiltServiceDocuments.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    static final Path SNAPSHOT = Path.of("src/main/webui/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theConsolesCopyOfTheMergedDocumentIsCurrent() throws IOException {
        String merged = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
        JsonNode live = JSON.readTree(merged);
        assertTrue(live.at("/info/description").asText("").isEmpty() || !live.at("/info/description").asText().contains("left out"),
                "every service's document is in the merge: " + live.at("/info/description").asText());
        if (Boolean.getBoolean("duban.openapi.write")) {
            Files.writeString(SNAPSHOT, JSON.writeValueAsString(live) + "\n");
            System.out.println("wrote " + SNAPSHOT.toAbsolutePath());
            return;
        }
        JsonNode snapshot = JSON.readTree(Files.readString(SNAPSHOT));
        if (!snapshot.equals(live)) {
            List<String> differences = new ArrayList<>();
            differences(snapshot, live, "", differences);
            fail("gateway/" + SNAPSHOT + " is not the merged OpenAPI document of the services any more; regenerate with "
                    + "-Dduban.openapi.write=true (./mvnw -pl gateway -am verify -Dtest=ConsoleApiSnapshotTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dduban.openapi.write=true), then fix what the console's "
                    + "type check finds. First differences:\n  " + String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    /** JSON pointers where the two documents differ, with what each side has there. */
    private static void differences(JsonNode was, JsonNode is, String at, List<String> out) {
        if (was.equals(is) || out.size() > 20) {
            return;
        }
        if (was.isObject() && is.isObject()) {
            Iterator<String> names = was.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!is.has(name)) {
                    out.add(child + ": only in the snapshot");
                } else {
                    differences(was.get(name), is.get(name), child, out);
                }
            }
            for (Map.Entry<String, JsonNode> field : is.properties()) {
                if (!was.has(field.getKey())) {
                    out.add(at + "/" + field.getKey().replace("~", "~0").replace("/", "~1") + ": new in the services");
                }
            }
            return;
        }
        out.add(at + ": snapshot " + abbreviate(was) + ", services " + abbreviate(is));
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
