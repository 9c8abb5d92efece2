package org.duban.gateway.me;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.duban.gateway.problem.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;

@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who the bearer token says the caller is")
public class MeResource {

    /** The realm roles of API.md; Keycloak's own (default-roles-duban, offline_access …) are left out. */
    static final List<String> DUBAN_ROLES = List.of("admin", "unit", "viewer", "integrator", "unit-admin");

    /** The caller, as the front end shows it and decides what to offer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "Me")
    public record Me(
            @Schema(example = "hefei") String username,
            @Schema(example = "[\"unit\"]") List<String> roles,
            @Schema(description = "The unit a unit user works for", example = "gov-340100") String unitCode) {
    }

    private final CurrentIdentityAssociation identities;

    MeResource(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @GET
    @Authenticated
    @Operation(operationId = "getMe", summary = "The signed-in user: name, Duban roles and (for unit staff) the unit code")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No token, or a token that is forged or expired",
            content = @Content(mediaType = Problems.MEDIA_TYPE))
    public Uni<Me> me() {
        // a Uni keeps this on the event loop: the answer is read from the checked token, nothing waits
        return identities.getDeferredIdentity().map(MeResource::describe);
    }

    private static Me describe(SecurityIdentity identity) {
        Set<String> roles = identity.getRoles();
        String username = identity.getPrincipal().getName();
        String unitCode = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            username = claim(jwt, "preferred_username", username);
            unitCode = claim(jwt, "unit_code", null);
        }
        return new Me(username, DUBAN_ROLES.stream().filter(roles::contains).toList(), unitCode);
    }

    private static String claim(JsonWebToken jwt, String name, String otherwise) {
        Object value = jwt.getClaim(name);
        if (value == null) {
            return otherwise;
        }
        String text = value.toString().replace("\"", "");
        return text.isBlank() ? otherwise : text;
    }
}
