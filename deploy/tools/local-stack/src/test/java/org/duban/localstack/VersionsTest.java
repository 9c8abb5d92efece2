package org.duban.localstack;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The launcher's versions are the parent pom's, carried by the filtered resource — no second copy anywhere. */
class VersionsTest {

    @Test
    void theResourceCarriesTheParentPomsVersions() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Checkout.root().resolve("pom.xml").toFile());
        String kafka = pom.getElementsByTagName("kafka.version").item(0).getTextContent().trim();
        String keycloak = pom.getElementsByTagName("keycloak.version").item(0).getTextContent().trim();

        Properties resource = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream(Versions.RESOURCE)) {
            assertNotNull(in, Versions.RESOURCE + " is on the classpath");
            resource.load(in);
        }
        assertEquals(kafka, resource.getProperty("kafka"));
        assertEquals(keycloak, resource.getProperty("keycloak"));
        assertEquals(kafka, Versions.kafka());
        assertEquals(keycloak, Versions.keycloak());
    }

    @Test
    void theLauncherScriptNamesNoVersion() throws Exception {
        String script = Files.readString(Checkout.root().resolve("duban"));
        assertFalse(script.contains(Versions.keycloak()), "./duban names the Keycloak version");
        assertFalse(script.contains(Versions.kafka()), "./duban names the Kafka version");
    }

    @Test
    void noSourceOfTheLauncherNamesAVersion() throws Exception {
        Path sources = Checkout.root().resolve("deploy/tools/local-stack/src/main");
        try (var files = Files.walk(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                if (!file.getFileName().toString().equals("duban-versions.properties")) {
                    assertFalse(text.contains(Versions.keycloak()), file + " names the Keycloak version");
                    assertFalse(text.contains(Versions.kafka()), file + " names the Kafka version");
                }
            }
        }
    }
}
