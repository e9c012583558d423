package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.roaringbitmap.RoaringBitmap;

/**
 * The text heap against plain string matching, over random sets, clears and compactions, plain and coded with a
 * learnt symbol table: every search finds exactly the ordinals whose current text matches.
 */
class TextHeapProperties {

    static final List<String> TEXTS = List.of("", "a", "ann", "anna", "nan", "gmail", "xgmailx", "é", "éa", "aé",
            "a@b", "ab", "ba", "aaa", "bob.smith123", "smith", "olivia.martinez123456", "ÿþ€", "aaaaaaaaaaaaaaaaaa");
    static final List<String> NEEDLES = List.of("", "a", "an", "nn", "gmail", "é", "@", "a@", "@b", "ab", "aa",
            "aaa", "aaaa", "smith", "bob", "123", "z", "martinez12", "a.m", "€", "aaaaaaaaa");

    record Op(int ordinal, String text) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, 70), Arbitraries.of(TEXTS).injectNull(0.2))
                .as(Op::new).list().ofMinSize(1).ofMaxSize(120);
    }

    /** A heap read back from its snapshot half-way (coded or plain) goes on finding exactly, through later writes. */
    @Property(tries = 500, seed = "20261127")
    void aHeapReadBackFromItsSnapshotGoesOnFindingExactly(@ForAll("ops") List<Op> ops, @ForAll("needles") String needle,
                                                          @ForAll TextHeap.Match match, @ForAll("trainAt") int trainAt,
                                                          @ForAll @net.jqwik.api.constraints.IntRange(max = 119) int readBackAfter)
            throws java.io.IOException {
        TextHeap heap = new TextHeap(3, trainAt);
        Map<Integer, String> expected = new TreeMap<>();
        for (int i = 0; i < ops.size(); i++) {
            apply(ops.get(i), heap, expected);
            if (i == Math.min(readBackAfter, ops.size() - 1)) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                AccountIndexCodec.writeHeap(new java.io.DataOutputStream(bytes), heap);
                heap = new TextHeap(3, trainAt);
                AccountIndexCodec.readHeap(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())), heap);
            }
            int step = i;
            assertFindsExactly(heap, expected, needle, match, () -> match + " '" + needle + "' at step " + step
                    + ", read back after " + readBackAfter + ": " + ops);
        }
    }

    @Property(tries = 500, seed = "20261126")
    void findsExactlyTheMatchingOrdinals(@ForAll("ops") List<Op> ops, @ForAll("needles") String needle,
                                         @ForAll TextHeap.Match match, @ForAll("trainAt") int trainAt) {
        TextHeap heap = new TextHeap(3, trainAt);
        Map<Integer, String> expected = new TreeMap<>();
        List<Op> applied = new ArrayList<>();
        for (Op op : ops) {
            apply(op, heap, expected);
            applied.add(op);
            assertFindsExactly(heap, expected, needle, match, () -> match + " '" + needle + "' after " + applied);
        }
    }

    private static void apply(Op op, TextHeap heap, Map<Integer, String> expected) {
        if (op.text() == null) {
            heap.clear(op.ordinal());
            expected.remove(op.ordinal());
        } else {
            heap.set(op.ordinal(), op.text());
            expected.put(op.ordinal(), op.text());
        }
    }

    /** The heap finds exactly the ordinals whose expected text matches, and gives back every text. */
    private static void assertFindsExactly(TextHeap heap, Map<Integer, String> expected, String needle,
                                           TextHeap.Match match, java.util.function.Supplier<String> description) {
        TreeSet<Integer> wanted = new TreeSet<>();
        expected.forEach((ordinal, text) -> {
            if (TextHeap.matches(text, needle, match)) {
                wanted.add(ordinal);
            }
        });
        TreeSet<Integer> actual = new TreeSet<>();
        RoaringBitmap found = heap.find(needle, match);
        found.forEach((int ordinal) -> actual.add(ordinal));
        assertThat(actual).as(description).isEqualTo(wanted);
        expected.forEach((ordinal, text) -> assertThat(heap.get(ordinal)).isEqualTo(text));
    }

    @org.junit.jupiter.api.Test
    void learnsAgainWhenTheTextNoLongerFitsItsTable() {
        TextHeap heap = new TextHeap(1024, 64);
        long plain = 0;
        for (int ordinal = 0; ordinal < 3000; ordinal++) {
            String text = ordinal < 64 ? "olivia.martin" + ordinal : "αλεξάνδρα.παπαδοπούλου" + ordinal;
            heap.set(ordinal, text);
            plain += text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
        }
        assertThat(heap.get(2999)).isEqualTo("αλεξάνδρα.παπαδοπούλου2999");
        // learnt from Latin names only, the Greek would be escapes: about twice its plain size
        assertThat((double) heap.usedBytes() / plain).isLessThan(0.6);
    }

    /** After how many entries the heap learns a symbol table: early (coded), or never (plain UTF-8). */
    @Provide
    Arbitrary<Integer> trainAt() {
        return Arbitraries.of(1, 6, 25, Integer.MAX_VALUE);
    }

    @Provide
    Arbitrary<String> needles() {
        return Arbitraries.of(NEEDLES);
    }
}
