package org.duban.task.evidence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.task.SamplePlan;
import org.duban.testsupport.TestTokens;
import org.duban.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence files (佐证材料) in the default store, PostgreSQL: the types taken and refused by content, the
 * size limit, who may upload, read and remove them, and how reports and submissions cite them.
 * Wuhu (芜湖市人民政府) works on its share of tasks 24–27 of the sample plan.
 */
@QuarkusTest
class EvidenceTest {

    static final String WUHU = "gov-340200";
    static final String HEFEI = "gov-340100";
    static final long LIMIT = 50L * 1024 * 1024;

    @Inject
    EntityManager em;

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("进展报告.pdf", EvidenceFiles.pdf(), "application/pdf"),
                Arguments.of("公文.ofd", EvidenceFiles.ofd(), "application/ofd"),
                Arguments.of("工作方案.doc", EvidenceFiles.doc(), "application/msword"),
                Arguments.of("工作方案.docx", EvidenceFiles.docx(), EvidenceType.DOCX.mediaType()),
                Arguments.of("台账.xls", EvidenceFiles.xls(), "application/vnd.ms-excel"),
                Arguments.of("台账.xlsx", EvidenceFiles.xlsx(), EvidenceType.XLSX.mediaType()),
                Arguments.of("现场照片.jpg", EvidenceFiles.jpeg(), "image/jpeg"),
                Arguments.of("网站截图.png", EvidenceFiles.png(), "image/png"),
                Arguments.of("材料汇编.zip", EvidenceFiles.zip(), "application/zip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allowed")
    void eachAllowedKindIsStoredAndComesBackByteForByte(String name, byte[] content, String type) {
        long assignment = SamplePlan.assignment(24, WUHU);
        String wuhu = TestTokens.unit(WUHU);
        Response stored = Uploads.upload(wuhu, assignment, name, content).statusCode(201)
                .body("assignmentId", equalTo((int) assignment))
                .body("fileName", equalTo(name))
                .body("contentType", equalTo(type))
                .body("size", equalTo(content.length))
                .body("sha256", equalTo(Uploads.sha256(content)))
                .body("uploadedBy", equalTo("staff-" + WUHU))
                .extract().response();
        long id = stored.jsonPath().getLong("id");
        assertTrue(stored.header("Location").endsWith("/api/attachments/" + id + "/content"), stored.header("Location"));

        Response download = given().auth().oauth2(TestTokens.admin()).when().get("/api/attachments/" + id + "/content")
                .then().statusCode(200).contentType(type)
                .header("Content-Length", String.valueOf(content.length))
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", "\"" + Uploads.sha256(content) + "\"")
                .extract().response();
        assertArrayEquals(content, download.asByteArray());
        String disposition = download.header("Content-Disposition");
        assertTrue(disposition.startsWith("attachment; filename=\"attachment-" + id + "."), disposition);
        assertTrue(disposition.endsWith("filename*=UTF-8''" + FileNames.encode(name)), disposition);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("进展报告.pdf", EvidenceFiles.elf(), "ELF executable"),
                Arguments.of("工作方案.docx", EvidenceFiles.windowsProgram(), "Windows executable"),
                Arguments.of("说明.pdf", EvidenceFiles.script(), "script"),
                Arguments.of("说明.txt", EvidenceFiles.text(), "none of the allowed types"),
                Arguments.of("安装包.doc", EvidenceFiles.installerPackage(), "neither a Word nor an Excel"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refused")
    void aRenamedProgramOrAnyOtherContentIs415AndNothingIsKept(String name, byte[] content, String what) {
        long assignment = SamplePlan.assignment(25, WUHU);
        String wuhu = TestTokens.unit(WUHU);
        int before = files(assignment);
        long chunks = chunks();
        Uploads.upload(wuhu, assignment, name, content).statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:duban:problem:unsupported-file"))
                .body("detail", containsString(what))
                .body("detail", containsString("pdf, ofd, doc, docx, xls, xlsx, jpg, png, zip"));
        assertEquals(before, files(assignment));
        assertEquals(chunks, chunks());
        assertEquals(List.of(), spooled());
    }

    @Test
    void aFileOfExactlyTheLimitIsTakenOneByteMoreIs413WithNothingStored() throws Exception {
        long assignment = SamplePlan.assignment(26, WUHU);
        String wuhu = TestTokens.unit(WUHU);
        int before = files(assignment);
        long chunks = chunks();

        // sent without a length: counted as it streams, refused the moment it passes the limit
        HttpResponse<String> tooLarge = Uploads.streamChunked(wuhu, assignment, LIMIT + 1);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(tooLarge.body().contains("urn:duban:problem:too-large"), tooLarge.body());
        assertEquals(before, files(assignment));
        assertEquals(chunks, chunks());
        assertEquals(List.of(), spooled());

        // a declared length far beyond the limit is refused before the body is read (one just beyond it is read and
        // dropped first, so that a client still sending gets to read the answer)
        String declared = Uploads.declaringLength(wuhu, assignment, LIMIT + 20 * 1024 * 1024);
        assertTrue(declared.startsWith("HTTP/1.1 413"), declared);
        assertTrue(declared.contains("urn:duban:problem:too-large"), declared);

        HttpResponse<String> exact = Uploads.streamChunked(wuhu, assignment, LIMIT);
        assertEquals(201, exact.statusCode(), exact.body());
        assertTrue(exact.body().contains("\"size\":" + LIMIT), exact.body());
        assertEquals(before + 1, files(assignment));
        assertEquals(chunks + 50, chunks(), "50 MiB in 1 MiB chunks");
        assertEquals(List.of(), spooled());
    }

    @Test
    void onlyThoseWhoMayReadTheAssignmentGetItsFiles() {
        long assignment = SamplePlan.assignment(24, WUHU);
        long id = Uploads.uploaded(TestTokens.unit(WUHU), assignment, "整改报告.pdf", EvidenceFiles.pdf());
        String content = "/api/attachments/" + id + "/content";

        given().auth().oauth2(TestTokens.viewer()).when().get(content).then().statusCode(200);
        given().auth().oauth2(TestTokens.integrator()).when().get(content).then().statusCode(200);
        given().auth().oauth2(TestTokens.unit(WUHU)).when().get(content).then().statusCode(200);
        given().auth().oauth2(TestTokens.unit(HEFEI)).when().get(content).then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get(content).then().statusCode(401);
        given().auth().oauth2(TestTokens.unit(HEFEI)).when().get("/api/assignments/" + assignment + "/attachments").then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).when().get("/api/assignments/" + assignment + "/attachments").then().statusCode(200)
                .body("find { it.id == " + id + " }.fileName", equalTo("整改报告.pdf"));
        given().auth().oauth2(TestTokens.admin()).when().get("/api/attachments/999999999/content").then().statusCode(404);

        // uploading: the unit itself and the office; another unit, the viewer and the integrator are refused before the body is read
        Uploads.upload(TestTokens.unit(HEFEI), assignment, "冒名.pdf", EvidenceFiles.pdf()).statusCode(403);
        Uploads.upload(TestTokens.viewer(), assignment, "只读.pdf", EvidenceFiles.pdf()).statusCode(403);
        Uploads.upload(TestTokens.integrator(), assignment, "同步.pdf", EvidenceFiles.pdf()).statusCode(403);
        Uploads.upload(TestTokens.admin(), assignment, "督查意见.pdf", EvidenceFiles.pdf()).statusCode(201).body("uploadedBy", equalTo("office"));
        Uploads.upload(TestTokens.unit(WUHU), assignment, "x.pdf", new byte[0]).statusCode(415);
        given().auth().oauth2(TestTokens.unit(WUHU)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/assignments/" + assignment + "/attachments").then().statusCode(415);
        given().auth().oauth2(TestTokens.unit(WUHU)).contentType(Uploads.MULTIPART).body(("--" + Uploads.BOUNDARY + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .when().post("/api/assignments/" + assignment + "/attachments").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void reportsAndSubmissionsCiteTheirFilesWhichThenStay() {
        long assignment = SamplePlan.assignment(27, WUHU);
        long other = SamplePlan.assignment(24, WUHU);
        String wuhu = TestTokens.unit(WUHU);
        long report = Uploads.uploaded(wuhu, assignment, "第一阶段进展.docx", EvidenceFiles.docx());
        long photo = Uploads.uploaded(wuhu, assignment, "现场照片.jpg", EvidenceFiles.jpeg());
        long elsewhere = Uploads.uploaded(wuhu, other, "别处的.pdf", EvidenceFiles.pdf());
        long spare = Uploads.uploaded(wuhu, assignment, "多余的.png", EvidenceFiles.png());

        given().auth().oauth2(wuhu).contentType(ContentType.JSON)
                .body(Map.of("text", "已完成第一阶段", "percent", 50, "attachmentIds", List.of(report, elsewhere)))
                .when().post("/api/assignments/" + assignment + "/progress")
                .then().statusCode(400).body("errors[0].field", equalTo("attachmentIds"))
                .body("errors[0].message", containsString(String.valueOf(elsewhere)));
        given().auth().oauth2(wuhu).contentType(ContentType.JSON)
                .body(Map.of("text", "已完成第一阶段", "attachmentIds", List.of(999999999L)))
                .when().post("/api/assignments/" + assignment + "/progress").then().statusCode(400);
        given().auth().oauth2(wuhu).contentType(ContentType.JSON)
                .body(Map.of("text", "已完成第一阶段", "percent", 50, "attachmentIds", List.of(report, photo)))
                .when().post("/api/assignments/" + assignment + "/progress").then().statusCode(200);

        String etag = given().auth().oauth2(wuhu).when().get("/api/assignments/" + assignment).then().extract().header("ETag");
        given().auth().oauth2(wuhu).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("to", "SUBMITTED", "note", "申请办结", "attachmentIds", List.of(photo)))
                .when().post("/api/assignments/" + assignment + "/transitions").then().statusCode(200);

        // the office sees the evidence beside the submission
        given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + assignment + "/history").then().statusCode(200)
                .body("find { it.kind == 'PROGRESS_REPORTED' }.attachments.fileName", equalTo(List.of("第一阶段进展.docx", "现场照片.jpg")))
                .body("find { it.to == 'SUBMITTED' }.attachments", hasSize(1))
                .body("find { it.to == 'SUBMITTED' }.attachments[0].id", equalTo((int) photo))
                .body("find { it.to == 'IN_PROGRESS' }.attachments", equalTo(null));

        var events = TopicReader.read("duban.assignments", r -> r.key().equals(Long.toString(assignment))
                && r.value().contains("attachmentIds"), 2, Duration.ofSeconds(20));
        assertTrue(events.get(0).value().contains("\"attachmentIds\":[" + report + "," + photo + "]"), events.get(0).value());
        assertTrue(events.get(1).value().contains("\"attachmentIds\":[" + photo + "]"), events.get(1).value());

        // cited files are part of the record; an uncited one may go, by its unit or the office only
        given().auth().oauth2(wuhu).when().delete("/api/attachments/" + photo).then().statusCode(409)
                .body("type", equalTo("urn:duban:problem:attachment-cited"));
        given().auth().oauth2(TestTokens.admin()).when().delete("/api/attachments/" + report).then().statusCode(409);
        given().auth().oauth2(TestTokens.unit(HEFEI)).when().delete("/api/attachments/" + spare).then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).when().delete("/api/attachments/" + spare).then().statusCode(403);
        long chunks = chunks();
        given().auth().oauth2(wuhu).when().delete("/api/attachments/" + spare).then().statusCode(204);
        assertEquals(chunks - 1, chunks());
        given().auth().oauth2(wuhu).when().get("/api/attachments/" + spare + "/content").then().statusCode(404);
        long mistaken = Uploads.uploaded(wuhu, other, "传错了.pdf", EvidenceFiles.pdf());
        given().auth().oauth2(TestTokens.admin()).when().delete("/api/attachments/" + mistaken).then().statusCode(204);

        // the ledger lists each assignment's files
        byte[] ledger = given().auth().oauth2(TestTokens.admin()).when().get("/api/plans/" + SamplePlan.id() + "/export")
                .then().statusCode(200).extract().asByteArray();
        assertEquals("第一阶段进展.docx；现场照片.jpg", ledgerFiles(ledger, 27, "芜湖市人民政府"));
    }

    private static String ledgerFiles(byte[] workbook, int taskNumber, String unitName) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            var sheet = book.getSheetAt(0);
            Row header = sheet.getRow(1);
            int column = -1;
            for (int c = 0; c < header.getLastCellNum(); c++) {
                if (header.getCell(c).getStringCellValue().equals("佐证材料")) {
                    column = c;
                }
            }
            for (Row row : sheet) {
                if (row.getRowNum() > 1 && (int) row.getCell(0).getNumericCellValue() == taskNumber
                        && row.getCell(3).getStringCellValue().equals(unitName)) {
                    return row.getCell(column) == null ? "" : row.getCell(column).getStringCellValue();
                }
            }
            throw new AssertionError("no ledger row for task " + taskNumber + " of " + unitName);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int files(long assignment) {
        return given().auth().oauth2(TestTokens.admin()).when().get("/api/assignments/" + assignment + "/attachments")
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private long chunks() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM attachment_chunk").getSingleResult()).longValue());
    }

    /** Upload spool files left behind (there must be none once an answer is out). */
    static List<Path> spooled() {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "duban-evidence");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
