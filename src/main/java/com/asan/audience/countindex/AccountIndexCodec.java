package com.asan.audience.countindex;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * The snapshot format of an {@link AccountIndex}, structure by structure: bitmaps in RoaringBitmap's portable
 * format, columns as their arrays. Kept query results are not written; they are rebuilt on use. Reading fills
 * fresh structures, so anything not written starts as a new index would.
 */
final class AccountIndexCodec {

    private static final int MAGIC = 0x41494458;

    private AccountIndexCodec() {
    }

    static void write(AccountIndex index, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeLong(index.accountId);
        out.writeLong(index.version);
        writeOrdinals(out, index.ordinals);
        for (ValueBitmaps<?> column : singleValued(index)) {
            writeValues(out, column);
        }
        writeValues(out, index.email.domains);
        writeHeap(out, index.email.localParts);
        writeTimes(out, index.created);
        writeTimes(out, index.lastActive);
        // maps in key order: the bytes do not depend on the order in which columns were created
        out.writeInt(index.custom.size());
        for (Map.Entry<String, ValueBitmaps<Object>> field : new TreeMap<>(index.custom).entrySet()) {
            SnapshotCodec.writeText(out, field.getKey());
            writeValues(out, field.getValue());
        }
        out.writeInt(index.campaignEngagement.size());
        TreeMap<AccountIndex.EngagementKey, RoaringBitmap> engagement = new TreeMap<>(Comparator
                .comparingLong(AccountIndex.EngagementKey::campaignId).thenComparing(AccountIndex.EngagementKey::type));
        engagement.putAll(index.campaignEngagement);
        for (Map.Entry<AccountIndex.EngagementKey, RoaringBitmap> engaged : engagement.entrySet()) {
            out.writeLong(engaged.getKey().campaignId());
            SnapshotCodec.writeText(out, engaged.getKey().type());
            SnapshotCodec.writeBitmap(out, engaged.getValue());
        }
        out.writeInt(index.latestEngagement.size());
        for (Map.Entry<String, TimeColumn> latest : new TreeMap<>(index.latestEngagement).entrySet()) {
            SnapshotCodec.writeText(out, latest.getKey());
            writeTimes(out, latest.getValue());
        }
        out.writeInt(MAGIC);
    }

    /** Reads what {@link #write} wrote for the account; IOException when the bytes are not such an index. */
    static AccountIndex read(DataInputStream in, long accountId) throws IOException {
        expectMagic(in);
        if (in.readLong() != accountId) {
            throw new IOException("the snapshot is another account's");
        }
        AccountIndex index = new AccountIndex(accountId);
        index.version = in.readLong();
        readOrdinals(in, index.ordinals);
        for (ValueBitmaps<?> column : singleValued(index)) {
            readValues(in, column);
        }
        readValues(in, index.email.domains);
        readHeap(in, index.email.localParts);
        readTimes(in, index.created);
        readTimes(in, index.lastActive);
        for (int n = in.readInt(); n > 0; n--) {
            String key = SnapshotCodec.readText(in);
            index.custom.put(key, readNewValues(in));
        }
        for (int n = in.readInt(); n > 0; n--) {
            AccountIndex.EngagementKey key = new AccountIndex.EngagementKey(in.readLong(), SnapshotCodec.readText(in));
            index.campaignEngagement.put(key, SnapshotCodec.readBitmap(in));
        }
        for (int n = in.readInt(); n > 0; n--) {
            String type = SnapshotCodec.readText(in);
            TimeColumn column = new TimeColumn();
            readTimes(in, column);
            index.latestEngagement.put(type, column);
        }
        expectMagic(in);
        return index;
    }

    private static List<ValueBitmaps<?>> singleValued(AccountIndex index) {
        return List.of(index.status, index.source, index.phoneType, index.assignee, index.tags, index.firstName,
                index.lastName);
    }

    private static void writeOrdinals(DataOutputStream out, Ordinals ordinals) throws IOException {
        out.writeInt(ordinals.size);
        out.writeLong(ordinals.base);
        out.writeInt(ordinals.maxOffset);
        SnapshotCodec.writeBitmap(out, ordinals.ascendingOffsets);
        SnapshotCodec.writeBitmap(out, ordinals.sideOrdinals);
        SnapshotCodec.writeBitmap(out, ordinals.live);
        out.writeInt(ordinals.outOfOrder.size());
        for (Map.Entry<Long, Integer> side : ordinals.outOfOrder.entrySet()) {
            out.writeLong(side.getKey());
            out.writeInt(side.getValue());
        }
    }

    private static void readOrdinals(DataInputStream in, Ordinals ordinals) throws IOException {
        ordinals.size = in.readInt();
        ordinals.base = in.readLong();
        ordinals.maxOffset = in.readInt();
        SnapshotCodec.readInto(in, ordinals.ascendingOffsets);
        SnapshotCodec.readInto(in, ordinals.sideOrdinals);
        SnapshotCodec.readInto(in, ordinals.live);
        for (int n = in.readInt(); n > 0; n--) {
            long id = in.readLong();
            int ordinal = in.readInt();
            ordinals.outOfOrder.put(id, ordinal);
            ordinals.outOfOrderIds.put(ordinal, id);
        }
    }

    /** Starts with whether the column is sorted, so that a reader of a map of columns can create the right kind. */
    private static void writeValues(DataOutputStream out, ValueBitmaps<?> values) throws IOException {
        out.writeBoolean(values.unions != null);
        out.writeInt(values.byValue.size());
        for (Map.Entry<?, RoaringBitmap> value : values.byValue.entrySet()) {
            SnapshotCodec.writeKey(out, value.getKey());
            SnapshotCodec.writeBitmap(out, value.getValue());
        }
        SnapshotCodec.writeBitmap(out, values.present);
    }

    /** Fills the empty column, which must be of the written kind (hashed or sorted). */
    private static void readValues(DataInputStream in, ValueBitmaps<?> values) throws IOException {
        if (in.readBoolean() != (values.unions != null)) {
            throw new IOException("a hashed column written as sorted, or the reverse");
        }
        fill(in, values);
    }

    /** A column of the written kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <K> ValueBitmaps<K> readNewValues(DataInputStream in) throws IOException {
        ValueBitmaps<K> values = in.readBoolean() ? (ValueBitmaps) ValueBitmaps.sorted() : ValueBitmaps.hashed();
        fill(in, values);
        return values;
    }

    @SuppressWarnings("unchecked")
    private static <K> void fill(DataInputStream in, ValueBitmaps<K> values) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            K value = (K) SnapshotCodec.readKey(in);
            RoaringBitmap bitmap = SnapshotCodec.readBitmap(in);
            values.byValue.put(value, bitmap);
        }
        SnapshotCodec.readInto(in, values.present);
    }

    private static void writeTimes(DataOutputStream out, TimeColumn column) throws IOException {
        SnapshotCodec.writeBitmap(out, column.oddSecond);
        SnapshotCodec.writeBitmap(out, column.fractional);
        SnapshotCodec.writeBitmap(out, column.present);
        out.writeInt(column.days.size());
        for (int index = 0; index < column.days.size(); index++) {
            DayBuckets.Bucket bucket = column.days.bucket(index);
            out.writeLong(column.days.day(index));
            SnapshotCodec.writeBitmap(out, bucket.ordinals);
            char[] halfSeconds = bucket.halfSeconds();
            ByteBuffer chars = ByteBuffer.allocate(halfSeconds.length * 2);
            chars.asCharBuffer().put(halfSeconds);
            out.write(chars.array());
        }
    }

    private static void readTimes(DataInputStream in, TimeColumn column) throws IOException {
        SnapshotCodec.readInto(in, column.oddSecond);
        SnapshotCodec.readInto(in, column.fractional);
        SnapshotCodec.readInto(in, column.present);
        for (int n = in.readInt(); n > 0; n--) {
            long day = in.readLong();
            RoaringBitmap ordinals = SnapshotCodec.readBitmap(in);
            long cardinality = ordinals.getLongCardinality();
            if (cardinality > Integer.MAX_VALUE / 2) {
                throw new IOException("a day bucket of " + cardinality + " ordinals");
            }
            // the bytes first: a damaged stream ends there, before a char array of the claimed size is allocated
            byte[] bytes = SnapshotCodec.readBytes(in, (int) cardinality * 2);
            char[] halfSeconds = new char[(int) cardinality];
            ByteBuffer.wrap(bytes).asCharBuffer().get(halfSeconds);
            column.days.append(day, new DayBuckets.Bucket(ordinals, halfSeconds));
        }
    }

    static void writeHeap(DataOutputStream out, TextHeap heap) throws IOException {
        out.writeInt(heap.minCompaction);
        out.writeInt(heap.trainAt);
        out.writeInt(heap.length);
        out.write(heap.bytes, 0, heap.length);
        out.writeInt(heap.entries);
        out.writeInt(heap.checkpoints.length);
        for (int checkpoint : heap.checkpoints) {
            out.writeInt(checkpoint);
        }
        SnapshotCodec.writeBitmap(out, heap.stale);
        out.writeInt(heap.replaced.size());
        for (Map.Entry<Integer, String> side : heap.replaced.entrySet()) {
            out.writeInt(side.getKey());
            SnapshotCodec.writeText(out, side.getValue());
        }
        out.writeInt(heap.table == null ? -1 : heap.table.symbols.length);
        for (byte[] symbol : heap.table == null ? new byte[0][] : heap.table.symbols) {
            out.writeByte(symbol.length);
            out.write(symbol);
        }
        out.writeLong(heap.plainSinceLearnt);
        out.writeLong(heap.codedSinceLearnt);
        out.writeDouble(heap.learntRatio);
        out.writeInt(heap.learntAt);
    }

    /** Fills the empty heap, which must have the written settings; a table's symbols sort into the same codes. */
    static void readHeap(DataInputStream in, TextHeap heap) throws IOException {
        if (in.readInt() != heap.minCompaction || in.readInt() != heap.trainAt) {
            throw new IOException("a text heap written with other settings");
        }
        heap.length = in.readInt();
        heap.bytes = Arrays.copyOf(SnapshotCodec.readBytes(in, heap.length), Math.max(heap.length, 16));
        heap.entries = in.readInt();
        heap.checkpoints = new int[in.readInt()];
        for (int i = 0; i < heap.checkpoints.length; i++) {
            heap.checkpoints[i] = in.readInt();
        }
        SnapshotCodec.readInto(in, heap.stale);
        for (int n = in.readInt(); n > 0; n--) {
            int ordinal = in.readInt();
            heap.replaced.put(ordinal, SnapshotCodec.readText(in));
        }
        int symbols = in.readInt();
        if (symbols >= 0) {
            List<byte[]> chosen = new ArrayList<>(symbols);
            for (int i = 0; i < symbols; i++) {
                chosen.add(SnapshotCodec.readBytes(in, in.readUnsignedByte()));
            }
            heap.table = new SymbolTable(chosen);
        }
        heap.plainSinceLearnt = in.readLong();
        heap.codedSinceLearnt = in.readLong();
        heap.learntRatio = in.readDouble();
        heap.learntAt = in.readInt();
    }

    private static void expectMagic(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a count index snapshot, or a truncated one");
        }
    }
}
