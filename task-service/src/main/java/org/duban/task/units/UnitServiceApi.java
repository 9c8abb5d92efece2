package org.duban.task.units;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** The parts of unit-service's API that plan import needs. The caller's token is passed on. */
@RegisterRestClient(configKey = "unit-service")
@Path("/api")
public interface UnitServiceApi {

    @POST
    @Path("/units/resolve")
    Resolution resolve(@HeaderParam("Authorization") String authorization, ResolveRequest request);

    @GET
    @Path("/unit-groups/{code}")
    Group group(@HeaderParam("Authorization") String authorization, @PathParam("code") String code);

    @GET
    @Path("/unit-groups/{code}/members")
    Page members(@HeaderParam("Authorization") String authorization, @PathParam("code") String code,
                 @QueryParam("size") int size, @QueryParam("page") int page);

    @GET
    @Path("/units/{code}")
    Unit unit(@HeaderParam("Authorization") String authorization, @PathParam("code") String code);

    record ResolveRequest(String text) {
    }

    record Resolution(List<Entry> entries, List<String> unresolved) {
    }

    record Entry(String text, String role, String unitCode, String groupCode, String qualifier, String name) {
    }

    record Group(String code, String name, boolean definite, List<String> memberCodes) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Unit(String code, String name, boolean active, String parentCode) {

        public Unit(String code, String name, boolean active) {
            this(code, name, active, null);
        }
    }

    record Page(List<Unit> items, int page, int size, long total) {
    }
}
