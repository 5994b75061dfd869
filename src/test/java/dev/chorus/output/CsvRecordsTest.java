package dev.chorus.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chorus.ingest.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chorus's own CSV files read back through the input reader's RFC 4180 parser: what {@link CsvOut} writes comes
 * back exactly, the RFC's own examples parse as the RFC says, and damage is an error naming file and line.
 */
class CsvRecordsTest {
    @TempDir
    Path tmp;

    List<List<String>> read(Path file) {
        List<List<String>> out = new ArrayList<>();
        try (CsvRecords csv = new CsvRecords(file)) {
            while (csv.hasNext()) out.add(csv.next());
        }
        return out;
    }

    /** Ids as inputs can spell them (quoted CSV, JSON strings, GML labels) survive the write and the read. */
    @Test
    void whatCsvOutWritesReadsBackExactly() throws IOException {
        List<String> ids = List.of("plain", "Smith, Anna", "say \"hi\"", "two\nlines", " lead", "trail ", "\ttab", "tab\t",
                "in ner", "", "élodie", "日本", "a;b", "\"", ",");
        Path file = tmp.resolve("nodes.csv");
        String text = "node,pagerank\n" + ids.stream().map(id -> CsvOut.field(id) + "," + CsvOut.number(0.25))
                .collect(Collectors.joining("\n")) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<List<String>> records = read(file);
        assertEquals(List.of("node", "pagerank"), records.get(0));
        assertEquals(ids, records.subList(1, records.size()).stream().map(r -> r.get(0)).toList());
        for (List<String> r : records.subList(1, records.size())) assertEquals("0.25", r.get(1));
    }

    /** RFC 4180 section 2, rules 1-7, with the fields the RFC says they hold. */
    @Test
    void rfc4180Examples() throws IOException {
        Path file = tmp.resolve("rfc.csv");
        Files.writeString(file, "aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n\"aaa\",\"b\r\nbb\",\"ccc\"\r\n\"aaa\",\"b\"\"bb\",\"ccc\"\r\n"
                + "\"a,a\",,ccc", StandardCharsets.UTF_8);
        assertEquals(List.of(List.of("aaa", "bbb", "ccc"), List.of("zzz", "yyy", "xxx"), List.of("aaa", "b\nbb", "ccc"),
                List.of("aaa", "b\"bb", "ccc"), List.of("a,a", "", "ccc")), read(file));
    }

    @Test
    void lineNumbersCountLinesInsideQuotedFields() throws IOException {
        Path file = tmp.resolve("lines.csv");
        Files.writeString(file, "node,x\n\"a\nb\",1\n\nc,oops\n", StandardCharsets.UTF_8);
        try (CsvRecords csv = new CsvRecords(file)) {
            List<String> header = csv.next();
            csv.next();
            assertEquals(2, csv.line());
            List<String> r = csv.next();
            assertEquals(5, csv.line(), "the blank line 4 is skipped, the record is on line 5");
            InputException e = assertThrows(InputException.class, () -> csv.number(r, csv.columns(header, List.of("x"))[0], "x"));
            assertEquals(file + ":5: field 'x': 'oops' is not a number", e.getMessage());
        }
    }

    @Test
    void damageIsAnErrorNamingFileAndLine() throws IOException {
        Path quote = tmp.resolve("quote.csv");
        Files.writeString(quote, "node,x\na,1\n\"b,2\nc,3\n", StandardCharsets.UTF_8);
        assertEquals(quote + ":3: unterminated quoted field", assertThrows(InputException.class, () -> read(quote)).getMessage());

        Path after = tmp.resolve("after.csv");
        Files.writeString(after, "node,x\n\"a\"b,1\n", StandardCharsets.UTF_8);
        assertEquals(after + ":2: text after closing quote in field 1", assertThrows(InputException.class, () -> read(after)).getMessage());

        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'n', ',', 'x', '\n', 'c', (byte) 0xe9, ',', '1', '\n'});
        assertEquals(latin1 + ":2: not UTF-8 text", assertThrows(InputException.class, () -> read(latin1)).getMessage());
    }
}
