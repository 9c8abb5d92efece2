package org.duban.tables;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReaderTest {

    private static final CsvReader CSV = new CsvReader();

    private static TableRow row(int line, String... cells) {
        return new TableRow(line, List.of(cells));
    }

    static Stream<Arguments> wellFormed() {
        return Stream.of(
                Arguments.of("plain cells", "code,name\r\nx,y\r\n", List.of(row(1, "code", "name"), row(2, "x", "y"))),
                Arguments.of("a quoted comma", "a,\"b,c\",d\n", List.of(row(1, "a", "b,c", "d"))),
                Arguments.of("a doubled quote", "\"说\"\"好\"\"\",x\n", List.of(row(1, "说\"好\"", "x"))),
                Arguments.of("an empty quoted cell", "a,\"\",c\n", List.of(row(1, "a", "", "c"))),
                Arguments.of("a quoted line break moves the later lines down",
                        "h\r\n\"一\r\n二\",x\r\nnext\r\n", List.of(row(1, "h"), row(2, "一\r\n二", "x"), row(4, "next"))),
                Arguments.of("LF, CRLF and CR line ends", "a\nb\r\nc\rd", List.of(row(1, "a"), row(2, "b"), row(3, "c"), row(4, "d"))),
                Arguments.of("a byte order mark is no part of the first cell", "\uFEFFcode,name\nx,y\n",
                        List.of(row(1, "code", "name"), row(2, "x", "y"))),
                Arguments.of("blank lines are left out, their lines still count", "\n\nh\n\n ,\t, \nx\n",
                        List.of(row(3, "h"), row(6, "x"))),
                Arguments.of("Chinese text", "单位,简称\n安徽省发展和改革委员会,省发展改革委\n",
                        List.of(row(1, "单位", "简称"), row(2, "安徽省发展和改革委员会", "省发展改革委"))),
                Arguments.of("no line end after the last row", "a,b\nc,d", List.of(row(1, "a", "b"), row(2, "c", "d"))),
                Arguments.of("spaces are kept", " a , b \n", List.of(row(1, " a ", " b "))),
                Arguments.of("empty cells at the end", "a,,\n", List.of(row(1, "a", "", ""))),
                // the old hand-written parsers took this quote as the start of a quoted cell
                Arguments.of("a quote inside an unquoted cell is a character", "5\"屏,x\n", List.of(row(1, "5\"屏", "x"))),
                Arguments.of("nothing at all", "", List.of()),
                Arguments.of("only a byte order mark", "\uFEFF", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellFormed")
    void readsRowsWithTheLineTheyStartOn(String name, String csv, List<TableRow> expected) {
        assertEquals(expected, CSV.read(csv).rows());
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("a quote never closed", "h\nx,y\nz,\"open\nmore\n", 3),
                Arguments.of("text after a closing quote", "h\n\"a\"b,c\n", 2),
                Arguments.of("text after a closing quote, past a quoted line break", "h\n\n\"a\nb\"c\n", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void quotesThatDoNotPairUpNameTheLine(String name, String csv, int line) {
        TableException e = assertThrows(TableException.class, () -> CSV.read(csv));
        assertEquals(line, e.line());
        assertTrue(e.getMessage().startsWith("line " + line + ": the quotes of this row do not pair up"), e.getMessage());
        assertTrue(e.reason().startsWith("the quotes"), e.reason());
    }

    @Test
    void theTableHasAHeaderAndABody() {
        Table table = CSV.read("\n code ,name\nx,y\n");
        assertEquals(row(2, " code ", "name"), table.header());
        assertEquals(List.of(row(3, "x", "y")), table.body());
        assertEquals("", table.body().getFirst().cell(5));
        assertTrue(CSV.read("").isEmpty());
        assertEquals(row(1), CSV.read("").header());
        assertEquals(List.of(), CSV.read("h\n").body());
    }

    @Test
    void rowsBelowTheHeaderAreLimitedAndCounted() {
        String csv = "h\n1\n\n2\n3\n";
        assertEquals(3, CSV.maxRows(3).read(csv).body().size());
        TooManyRowsException e = assertThrows(TooManyRowsException.class, () -> CSV.maxRows(2).read(csv));
        assertEquals(2, e.limit());
        assertEquals(3, e.found());
        assertEquals("at most 2 rows below the header can be read; this file has 3", e.getMessage());
    }

    @Test
    void utf8BytesWithOrWithoutAByteOrderMark() {
        byte[] withBom = "\uFEFF名称\n合肥市\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(row(1, "名称"), row(2, "合肥市")), CSV.readUtf8(new ByteArrayInputStream(withBom)).rows());
        byte[] gbk = "名称\n合肥市\n".getBytes(Charset.forName("GBK"));
        TableException e = assertThrows(TableException.class, () -> CSV.readUtf8(new ByteArrayInputStream(gbk)));
        assertEquals("the file is not UTF-8 text", e.getMessage());
    }

    @Test
    void whatTheWriterWritesReadsBackUnchanged() {
        List<String> header = List.of("code", "name", "aliases");
        List<List<String>> rows = List.of(
                List.of("a", "有,逗号", "有\"引号\""),
                List.of("b", "两\r\n行", ""),
                java.util.Arrays.asList("c", null, " 前后空格 "),
                List.of("", "#", "=1+1"));
        String excel = CsvWriter.EXCEL.write(header, rows);
        assertTrue(excel.startsWith("\uFEFFcode,name,aliases\r\n"), excel);
        assertTrue(excel.contains("a,\"有,逗号\",\"有\"\"引号\"\"\"\r\n"), excel);
        List<List<String>> back = CSV.read(excel).rows().stream().map(TableRow::cells).toList();
        assertEquals(List.of(header, rows.get(0), rows.get(1), List.of("c", "", " 前后空格 "), rows.get(3)), back);

        String plain = CsvWriter.PLAIN.write(List.of("date", "name"), List.of(List.of("2027-01-01", "元旦")));
        assertEquals("date,name\n2027-01-01,元旦\n", plain);
    }
}
