package org.duban.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;

/**
 * The realm's {@code duban-web} admits the console at localhost:8080 and :5173 only; the test's gateway listens on a
 * free port of 127.0.0.1. Through Keycloak's admin API (the development admin of the test's own Keycloak) the test
 * adds that one origin to the client's redirect URIs, web origins and post-logout redirects — the realm file stays as
 * it is.
 */
final class ConsoleClient {

    private static boolean admitted;

    private ConsoleClient() {
    }

    static synchronized void admit(String gateway) {
        if (admitted) {
            return;
        }
        String keycloak = SystemStack.get().keycloak.url();
        String admin = given().baseUri(keycloak).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        JsonNode clients = read(given().baseUri(keycloak).auth().oauth2(admin).queryParam("clientId", "duban-web")
                .when().get("/admin/realms/" + SystemStack.REALM + "/clients").then().statusCode(200).extract().asString());
        ObjectNode client = (ObjectNode) clients.get(0);
        add((ArrayNode) client.get("redirectUris"), gateway + "/*");
        add((ArrayNode) client.get("webOrigins"), gateway);
        ObjectNode attributes = (ObjectNode) client.get("attributes");
        String logout = attributes.path("post.logout.redirect.uris").asText("");
        attributes.put("post.logout.redirect.uris", logout.isEmpty() ? gateway + "/*" : logout + "##" + gateway + "/*");
        given().baseUri(keycloak).auth().oauth2(admin).contentType(ContentType.JSON).body(client.toString())
                .when().put("/admin/realms/" + SystemStack.REALM + "/clients/" + client.get("id").asText())
                .then().statusCode(204);
        admitted = true;
    }

    private static void add(ArrayNode list, String value) {
        for (JsonNode n : list) {
            if (n.asText().equals(value)) {
                return;
            }
        }
        list.add(value);
    }

    private static JsonNode read(String json) {
        try {
            return Channels.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
