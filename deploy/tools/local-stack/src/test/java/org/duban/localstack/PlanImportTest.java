package org.duban.localstack;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanImportTest {

    @Test
    void aPlanDocumentIsTextWordOrExcel() {
        assertEquals("text/plain; charset=utf-8", PlanImport.mediaType(Path.of("plan.TXT")));
        assertTrue(PlanImport.mediaType(Path.of("分工方案.docx")).endsWith("wordprocessingml.document"));
        assertTrue(PlanImport.mediaType(Path.of("a.xlsx")).endsWith("spreadsheetml.sheet"));
        LauncherException e = assertThrows(LauncherException.class, () -> PlanImport.mediaType(Path.of("plan.pdf")));
        assertEquals("unsupported file type: plan.pdf (use .txt, .docx or .xlsx)", e.getMessage());
    }

    @Test
    void aRefusalShowsTheProblemDetailAndItsFieldErrors() {
        String problem = """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"文件中未找到任务条目",
                 "errors":[{"field":"file","message":"不能为空"}]}""";
        assertEquals("文件中未找到任务条目\n  file: 不能为空", PlanImport.problemDetail(problem));
        assertEquals("Conflict", PlanImport.problemDetail("{\"title\":\"Conflict\",\"status\":409}"));
        assertEquals("upstream timed out", PlanImport.problemDetail("upstream timed out"));
    }

    @Test
    void aWordOrExcelFileGoesAsTheFormFieldFile() {
        String body = new String(PlanImport.multipart("b", "方案.docx", "application/x", "DATA".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
        assertEquals("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"方案.docx\"\r\n"
                + "Content-Type: application/x\r\n\r\nDATA\r\n--b--\r\n", body);
    }
}
