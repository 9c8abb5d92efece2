package org.duban.task.evidence;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The type of a file is read from its content: each allowed kind from a real small file, and what is refused. */
class ContentSnifferTest {

    private static Path dir;

    @BeforeAll
    static void folder() throws IOException {
        dir = Files.createTempDirectory("sniff-");
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    static Stream<Arguments> allowed() {
        return Stream.of(
                Arguments.of("报告.pdf", EvidenceFiles.pdf(), EvidenceType.PDF),
                Arguments.of("公文.ofd", EvidenceFiles.ofd(), EvidenceType.OFD),
                Arguments.of("方案.doc", EvidenceFiles.doc(), EvidenceType.DOC),
                Arguments.of("方案.docx", EvidenceFiles.docx(), EvidenceType.DOCX),
                Arguments.of("台账.xls", EvidenceFiles.xls(), EvidenceType.XLS),
                Arguments.of("台账.xlsx", EvidenceFiles.xlsx(), EvidenceType.XLSX),
                Arguments.of("现场.jpg", EvidenceFiles.jpeg(), EvidenceType.JPEG),
                Arguments.of("截图.png", EvidenceFiles.png(), EvidenceType.PNG),
                Arguments.of("材料.zip", EvidenceFiles.zip(), EvidenceType.ZIP),
                // the name never decides: a Word document called .pdf is still a Word document
                Arguments.of("名不副实.pdf", EvidenceFiles.docx(), EvidenceType.DOCX));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("allowed")
    void eachAllowedKindIsKnownByItsContent(String name, byte[] content, EvidenceType expected) throws Exception {
        assertEquals(expected, ContentSniffer.sniff(file(name, content)));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("进展报告.pdf", EvidenceFiles.elf(), "ELF executable"),
                Arguments.of("方案.docx", EvidenceFiles.windowsProgram(), "Windows executable"),
                Arguments.of("说明.pdf", EvidenceFiles.script(), "script"),
                Arguments.of("说明.pdf", EvidenceFiles.text(), "none of the allowed types"),
                Arguments.of("空.pdf", new byte[0], "empty"),
                Arguments.of("方案.doc", EvidenceFiles.installerPackage(), "neither a Word nor an Excel"),
                Arguments.of("汇报.pptx", EvidenceFiles.presentation(), "other than Word or Excel"),
                Arguments.of("材料.zip", EvidenceFiles.androidPackage(), "Android"),
                Arguments.of("材料.zip", EvidenceFiles.javaArchive(), "Java archive"),
                Arguments.of("坏的.zip", java.util.Arrays.copyOf(EvidenceFiles.zip(), 40), "damaged zip"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("refused")
    void anythingElseIsRefusedSayingWhatItLookedLike(String name, byte[] content, String what) throws Exception {
        Path f = file(name, content);
        ContentSniffer.Refused refused = assertThrows(ContentSniffer.Refused.class, () -> ContentSniffer.sniff(f));
        assertTrue(refused.what().contains(what), refused.what());
    }

    private static Path file(String name, byte[] content) throws IOException {
        return Files.write(Files.createTempFile(dir, "f-", "-" + name), content);
    }
}
