package dev.chorus.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Kryo settings for Chorus's data in Spark. Java serialization for what Kryo 4 cannot rebuild: records (its field
 * serializer writes fields through {@code Unsafe} offsets, which Java 16+ refuses for records) and the JDK's
 * immutable collections ({@code List.of}, {@code Stream.toList}, {@code Collections.unmodifiable*}: its collection
 * serializer rebuilds them by {@code add}, which they refuse). Kryo writes everything else (tuples, arrays, GraphX's
 * classes) itself.
 */
public final class ChorusKryo implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.addDefaultSerializer(Record.class, new JavaSerializer());
        List<Object> immutable = List.of(List.of(), List.of(1), List.of(1, 2, 3), Set.of(), Set.of(1), Set.of(1, 2, 3), Map.of(),
                Map.of(1, 1), Map.of(1, 1, 2, 2), List.of(1, 2, 3).stream().toList(), Collections.unmodifiableList(new ArrayList<>()),
                Collections.unmodifiableList(new java.util.LinkedList<>()), Collections.unmodifiableSet(new HashSet<>()),
                Collections.unmodifiableMap(new HashMap<>()), Collections.singletonList(1), Collections.singleton(1), Collections.singletonMap(1, 1));
        for (Object o : immutable) kryo.addDefaultSerializer(o.getClass(), new JavaSerializer());
    }
}
