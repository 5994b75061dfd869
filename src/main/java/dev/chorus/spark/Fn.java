package dev.chorus.spark;

import java.io.Serializable;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Java lambdas as the serializable Scala functions GraphX's API takes (it has no Java facade as spark-core
 * has), and the class tags it asks for.
 */
final class Fn {
    private Fn() {
    }

    interface F1<A, B> extends scala.Function1<A, B>, Serializable {
    }

    interface F2<A, B, C> extends scala.Function2<A, B, C>, Serializable {
    }

    interface F3<A, B, C, D> extends scala.Function3<A, B, C, D>, Serializable {
    }

    /** A side-effecting function, as GraphX's {@code sendMsg} (which returns Unit). */
    interface Proc<A> extends Serializable {
        void accept(A a);
    }

    static <A> F1<A, BoxedUnit> unit(Proc<A> p) {
        return a -> {
            p.accept(a);
            return BoxedUnit.UNIT;
        };
    }

    static <A> F1<A, A> identity() {
        return a -> a;
    }

    @SuppressWarnings("unchecked")
    static <T> ClassTag<T> tag(Class<?> c) {
        return (ClassTag<T>) ClassTag$.MODULE$.apply(c);
    }
}
