package org.duban.unit.transfer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;
import org.duban.platform.api.TextBodies;
import org.duban.platform.security.CurrentUser;
import org.duban.platform.security.Roles;
import org.duban.tables.CsvReader;
import org.duban.tables.CsvWriter;
import org.duban.tables.Table;
import org.duban.tables.TableException;
import org.duban.tables.TooManyRowsException;
import org.duban.tables.XlsxReader;
import org.duban.tables.XlsxWriter;
import org.duban.unit.registry.UnitScope;
import org.duban.unit.registry.UnitService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Supplier;

/** Bulk maintenance of the registry in the office's own spreadsheet format (CSV or XLSX). */
@Path("/api/units")
@Tag(name = "Units")
public class UnitTransferResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final CsvReader CSV = new CsvReader().maxRows(UnitImportService.MAX_ROWS);
    private static final XlsxReader XLSX_SHEET = XlsxReader.firstSheet().maxRows(UnitImportService.MAX_ROWS);

    private final UnitImportService imports;
    private final UnitService units;
    private final CurrentUser user;

    UnitTransferResource(UnitImportService imports, UnitService units, CurrentUser user) {
        this.imports = imports;
        this.units = units;
        this.user = user;
    }

    @POST
    @Path("import")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_ADMIN})
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    // the other methods of this path and verb are the same operation (SmallRye merges them): named once
    @Operation(operationId = "importUnits",
            summary = "Import units from CSV (admin; a unit-admin under its own unit)", description = "Columns as in /api/units/export; upsert by code; "
            + "all or nothing; every error is reported with its line (422); dryRun=true stores nothing. A unit-admin's "
            + "file may only add or change units under its own unit: a row outside it refuses the whole file (403, the "
            + "rows listed in errors)")
    public UnitImportService.Report importCsv(byte[] body, @HeaderParam("Content-Type") String contentType,
                                              @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        String charset = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get("charset");
        return imports.importTable(readCsv(TextBodies.decode(body, charset)), dryRun, user.username(), UnitScope.of(user));
    }

    @POST
    @Path("import")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_ADMIN})
    @Consumes(XLSX)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import units from an Excel workbook (admin; a unit-admin under its own unit); its first sheet as in the CSV")
    public UnitImportService.Report importXlsx(InputStream body, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return imports.importTable(read(() -> XLSX_SHEET.read(body)), dryRun, user.username(), UnitScope.of(user));
    }

    @POST
    @Path("import")
    @RolesAllowed({Roles.ADMIN, Roles.UNIT_ADMIN})
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import units from an uploaded .csv or .xlsx file (admin; a unit-admin under its own unit); form part 'file'")
    public UnitImportService.Report importFile(@RestForm("file") FileUpload file,
                                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) throws IOException {
        if (file == null) {
            throw ProblemException.badRequest("The form needs a part named 'file' with a .csv or .xlsx file");
        }
        String name = file.fileName() == null ? "" : file.fileName().toLowerCase();
        Table table;
        if (name.endsWith(".xlsx")) {
            table = read(() -> XLSX_SHEET.read(file.uploadedFile()));
        } else if (name.endsWith(".csv")) {
            table = readCsv(TextBodies.decode(Files.readAllBytes(file.uploadedFile()), file.charSet()));
        } else {
            throw new ProblemException(415, "unsupported-file", "Unsupported media type",
                    "Only .csv and .xlsx files can be imported; got '" + file.fileName() + "'");
        }
        return imports.importTable(table, dryRun, user.username(), UnitScope.of(user));
    }

    @GET
    @Path("export")
    @Produces({"text/csv", XLSX})
    @Operation(operationId = "exportUnits", summary = "Every unit (inactive included) as CSV or Excel, in the import format")
    public Response export(@QueryParam("format") @DefaultValue("csv") String format) {
        List<List<String>> rows = units.all().stream().map(UnitSheet::toCells).toList();
        return switch (format.toLowerCase()) {
            case "csv" -> Response.ok(CsvWriter.EXCEL.write(UnitSheet.COLUMNS, rows).getBytes(StandardCharsets.UTF_8))
                    .type("text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"units.csv\"").build();
            case "xlsx" -> Response.ok(XlsxWriter.write("units", UnitSheet.COLUMNS, rows))
                    .type(XLSX)
                    .header("Content-Disposition", "attachment; filename=\"units.xlsx\"").build();
            default -> throw ProblemException.validation(List.of(
                    new Problem.FieldError("format", "must be csv or xlsx")));
        };
    }

    private static Table readCsv(String text) {
        return read(() -> CSV.read(text));
    }

    /** What keeps a file from being read is the sender's to mend: 422, with the line where there is one. */
    private static Table read(Supplier<Table> reading) {
        try {
            return reading.get();
        } catch (TooManyRowsException e) {
            throw UnitImportService.tooManyRows(e.found());
        } catch (TableException e) {
            if (e.line() > 0) {
                throw ProblemException.unprocessable("unit-import", "1 problem(s) in the file; nothing was imported",
                        List.of(new Problem.FieldError("line " + e.line(), e.reason())));
            }
            throw ProblemException.unprocessable("unit-import", "The file cannot be read: " + e.getMessage(), null);
        }
    }
}
