package com.asan.audience.countindex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Coding with a learnt symbol table loses nothing, whatever it was learnt from, and shrinks name-like text. */
class SymbolTableProperties {

    @Property(tries = 300, seed = "20261126")
    void decodingGivesBackEveryTextWhateverTheTableLearnt(@ForAll @Size(max = 40) List<@StringLength(max = 30) String> sample,
                                                         @ForAll @Size(min = 1, max = 40) List<@StringLength(max = 60) String> texts) {
        SymbolTable table = SymbolTable.train(sample.stream().map(SymbolTableProperties::utf8).toList());
        byte[] coded = new byte[texts.stream().mapToInt(t -> SymbolTable.maxEncodedLength(utf8(t).length)).sum()];
        int length = 0;
        for (String text : texts) {
            length = table.encode(utf8(text), coded, length);
        }
        byte[] decoded = new byte[length * SymbolTable.maxDecodedPerCodedByte() + 8];
        int decodedLength = table.decode(coded, 0, length, decoded);
        List<String> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < decodedLength; i++) {
            if (decoded[i] == (byte) 0xFF) {
                entries.add(new String(decoded, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        assertThat(start).as("every decoded byte belongs to an entry").isEqualTo(decodedLength);
        assertThat(entries).isEqualTo(texts);
        int at = 0;
        for (int i = 0; i < texts.size(); i++) {
            at = SymbolTable.skipEntry(coded, at);
        }
        assertThat(at).as("skipping every entry ends where the codes end").isEqualTo(length);
    }

    @Test
    void nameLikeLocalPartsTakeUnderHalfTheirBytes() {
        String[] first = {"olivia", "liam", "emma", "noah", "amelia", "oliver", "sophia", "lucas", "mia", "ethan"};
        String[] last = {"martin", "tremblay", "roy", "gagnon", "lee", "wilson", "smith", "brown", "nguyen", "singh"};
        SplittableRandom random = new SplittableRandom(7);
        List<byte[]> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            texts.add(utf8(first[random.nextInt(first.length)] + "." + last[random.nextInt(last.length)] + i));
        }
        SymbolTable table = SymbolTable.train(texts.subList(0, 4096));
        byte[] coded = new byte[texts.stream().mapToInt(t -> SymbolTable.maxEncodedLength(t.length)).sum()];
        int length = 0;
        for (byte[] text : texts) {
            length = table.encode(text, coded, length);
        }
        long plain = texts.stream().mapToLong(t -> t.length + 1).sum();
        assertThat((double) length / plain).isLessThan(0.5);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
