package dev.chorus.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JsonTest {
    /** The streaming path for plain values must print what the mapper prints (Jackson databind is the reference). */
    @Test
    void plainValuesPrintAsTheMapperPrintsThem() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("algorithm", "leiden");
        m.put("nodes", 100000);
        m.put("big", 1L << 40);
        m.put("modularity", 0.23135426289099995);
        m.put("tiny", 1e-300);
        m.put("nan", Double.NaN);
        m.put("inf", Double.NEGATIVE_INFINITY);
        m.put("float", 0.1f);
        m.put("short", (short) -7);
        m.put("byte", (byte) 3);
        m.put("missing", null);
        m.put("converged", false);
        m.put("sizes", List.of(7605, 7525, 5234));
        m.put("empty", List.of());
        m.put("emptyMap", Map.of());
        m.put("text", "quote \" backslash \\ tab \t newline \n é 日本 \u0001");
        Set<String> set = new TreeSet<>(List.of("b", "a"));
        m.put("set", set);
        List<Object> nested = new ArrayList<>(Arrays.asList(1, null, "x", List.of(2.5, List.of()), Map.of("k", 1)));
        m.put("nested", nested);
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", Map.of());
        m.put("inner", inner);
        assertEquals(Json.mapper().writeValueAsString(m), Json.pretty(m));
        assertEquals(Json.mapper().writeValueAsString(List.of(m, m)), Json.pretty(List.of(m, m)));
        assertEquals(Json.mapper().writeValueAsString(42), Json.pretty(42));
    }

    record Point(int x, String y) {
    }

    /** Values the streaming path does not know (records, non-string keys) go through the mapper. */
    @Test
    void otherValuesGoThroughTheMapper() {
        assertEquals("{\n  \"x\" : 1,\n  \"y\" : \"a\"\n}", Json.pretty(new Point(1, "a")));
        assertEquals("{\n  \"1\" : [ {\n    \"x\" : 2,\n    \"y\" : null\n  } ]\n}", Json.pretty(Map.of(1, List.of(new Point(2, null)))));
    }
}
