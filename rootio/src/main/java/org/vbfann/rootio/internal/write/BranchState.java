package org.vbfann.rootio.internal.write;

import java.util.Arrays;
import org.vbfann.core.Column;
import org.vbfann.core.ElementType;
import org.vbfann.rootio.BranchSpec;

/**
 * One branch being written: its leaf description, the basket being filled and the table of baskets on disk
 * (fBasketBytes, fBasketEntry, fBasketSeek). A basket is written when its entry data reach the basket size, so
 * the entry that crosses the size ends the basket.
 */
public final class BranchState {
    private final BranchSpec spec;
    private final String leafClass;
    private final char letter;
    private final int elementBytes;
    private final int itemValues;
    private final Object leafIdentity = new Object();
    private BranchState counter;
    private boolean isCounter;
    private long counterMaximum;
    private String leafTitle;

    private byte[] buf;
    private int used;
    private int nev;
    private int[] entryStarts = new int[64];
    private long entries;

    private int baskets;
    private int[] basketBytes = new int[16];
    private long[] basketEntry = new long[17];
    private long[] basketSeek = new long[16];
    private long totBytes;
    private long zipBytes;

    public BranchState(BranchSpec spec, int basketSize) {
        this.spec = spec;
        this.itemValues = spec.itemSize();
        ElementType t = spec.type();
        this.elementBytes = t == ElementType.STRING ? 1 : t.bytes();   // TLeafC: fLenType 1
        this.leafClass = switch (t) {
            case BOOL -> "TLeafO";
            case INT8, UINT8 -> "TLeafB";
            case INT16, UINT16 -> "TLeafS";
            case INT32, UINT32 -> "TLeafI";
            case INT64, UINT64 -> "TLeafL";
            case FLOAT32 -> "TLeafF";
            case FLOAT64 -> "TLeafD";
            case STRING -> "TLeafC";
        };
        char l = leafClass.charAt(5);
        this.letter = t.isUnsigned() ? Character.toLowerCase(l) : l;
        this.buf = new byte[basketSize + 64];
    }

    public BranchSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    /** The TLeaf class of this branch's leaf, e.g. {@code TLeafF}. */
    public String leafClassName() {
        return leafClass;
    }

    /** Whether a jagged branch counts its items with this branch. */
    public boolean isCounterBranch() {
        return isCounter;
    }

    Object leafIdentity() {
        return leafIdentity;
    }

    /** Links this jagged branch to its counter branch and marks the latter as a counter (fIsRange). */
    public void setCounter(BranchState c) {
        this.counter = c;
        c.isCounter = true;
    }

    BranchState counter() {
        return counter;
    }

    long counterMaximum() {
        return counterMaximum;
    }

    /** Keeps the leaf title of a copied branch, which may differ from the one built from its name. */
    public void setLeafTitle(String title) {
        this.leafTitle = title;
    }

    /** The leaf title: name, then [counter] and fixed dimensions, unless a copied title was kept. */
    String leafTitle() {
        if (leafTitle != null) {
            return leafTitle;
        }
        StringBuilder s = new StringBuilder(spec.name());
        if (spec.counter() != null) {
            s.append('[').append(spec.counter()).append(']');
        }
        for (int d : spec.fixedShape()) {
            s.append('[').append(d).append(']');
        }
        return s.toString();
    }

    /** The branch title: the leaf title and the type letter (TTree::Branch leaf-list syntax). */
    String branchTitle() {
        return leafTitle() + "/" + letter;
    }

    int elementBytes() {
        return elementBytes;
    }

    int itemValues() {
        return itemValues;
    }

    long entries() {
        return entries;
    }

    int baskets() {
        return baskets;
    }

    int[] basketBytes() {
        return basketBytes;
    }

    long[] basketEntry() {
        return basketEntry;
    }

    long[] basketSeek() {
        return basketSeek;
    }

    long totBytes() {
        return totBytes;
    }

    long zipBytes() {
        return zipBytes;
    }

    /** Whether entries differ in size, so baskets carry an entry-offset table: jagged and string branches. */
    private boolean variableSize() {
        return spec.isJagged() || spec.type() == ElementType.STRING;
    }

    /** fEntryOffsetLen: ROOT's default entry-offset table length for variable-size entries, 0 otherwise. */
    int entryOffsetLen() {
        return variableSize() ? DEFAULT_ENTRY_OFFSET_LEN : 0;
    }

    /** TTree's fDefaultEntryOffsetLen (TTree.cxx constructor). */
    static final int DEFAULT_ENTRY_OFFSET_LEN = 1000;

    /**
     * Appends entries {@code from .. from+n-1} of a scalar or fixed-array column, writing baskets as they fill.
     */
    public void appendFixed(Column c, int from, int n, BasketOutput out) {
        int entryBytes = itemValues * elementBytes;
        int basketSize = out.basketSize();
        int e = from;
        int end = from + n;
        while (e < end) {
            int room = Math.max(1, (basketSize - used + entryBytes - 1) / entryBytes);
            int take = Math.min(room, end - e);
            ensure(used + take * entryBytes);
            used = BigEndian.encode(c, e * itemValues, take * itemValues, buf, used);
            nev += take;
            entries += take;
            e += take;
            if (used >= basketSize) {
                flush(out);
            }
        }
    }

    /**
     * Appends entries of a jagged column: entry {@code i} holds items {@code offsets[i] .. offsets[i+1]-1}.
     */
    public void appendJagged(Column c, int from, int n, BasketOutput out) {
        int[] offsets = c.offsets();
        int basketSize = out.basketSize();
        for (int e = from, end = from + n; e < end; e++) {
            int values = (offsets[e + 1] - offsets[e]) * itemValues;
            ensure(used + values * elementBytes);
            if (nev == entryStarts.length) {
                entryStarts = Arrays.copyOf(entryStarts, nev * 2);
            }
            entryStarts[nev++] = used;
            used = BigEndian.encode(c, offsets[e] * itemValues, values, buf, used);
            entries++;
            if (used >= basketSize) {
                flush(out);
            }
        }
    }

    /**
     * Appends entries of a string column as TLeafC stores them (TBufferFile::WriteFastArrayString): a length byte,
     * or 255 and a 4-byte length from 255 bytes on, then the bytes in ISO-8859-1, the charset the reader decodes.
     */
    public void appendStrings(Column c, int from, int n, BasketOutput out) {
        String[] v = c.strings();
        int basketSize = out.basketSize();
        for (int e = from, end = from + n; e < end; e++) {
            byte[] s = (v[e] == null ? "" : v[e]).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            ensure(used + s.length + 5);
            if (nev == entryStarts.length) {
                entryStarts = Arrays.copyOf(entryStarts, nev * 2);
            }
            entryStarts[nev++] = used;
            if (s.length < 255) {
                buf[used++] = (byte) s.length;
            } else {
                buf[used++] = (byte) 255;
                BigEndian.putInt(buf, used, s.length);
                used += 4;
            }
            System.arraycopy(s, 0, buf, used, s.length);
            used += s.length;
            entries++;
            noteCount(s.length);
            if (used >= basketSize) {
                flush(out);
            }
        }
    }

    /** Appends entries of a counter branch whose values are the item counts of a jagged column. */
    public void appendCounts(int[] offsets, int from, int n, BasketOutput out) {
        int basketSize = out.basketSize();
        for (int e = from, end = from + n; e < end; e++) {
            int count = offsets[e + 1] - offsets[e];
            ensure(used + 4);
            BigEndian.putInt(buf, used, count);
            used += 4;
            nev++;
            entries++;
            noteCount(count);
            if (used >= basketSize) {
                flush(out);
            }
        }
    }

    /**
     * Records a count: a counter's value or a string's length. The leaf's fMaximum must cover every one (ROOT sizes
     * its buffers by it).
     */
    public void noteCount(long count) {
        if (count > counterMaximum) {
            counterMaximum = count;
        }
    }

    private void ensure(int bytes) {
        if (bytes > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(bytes, buf.length * 2));
        }
    }

    /** Writes the basket being filled, if it holds entries. */
    public void flush(BasketOutput out) {
        if (nev == 0) {
            return;
        }
        int length = used;
        int nevBufSize;
        if (variableSize()) {
            int keyLength = out.keyLength(spec.name());
            // entry offsets (TBasket fEntryOffset): count, then each entry's start counted from the key's start,
            // closed by the end of the data, which is fLast
            ensure(used + 4 + 4 * (nev + 1));
            BigEndian.putInt(buf, length, nev + 1);
            length += 4;
            for (int i = 0; i < nev; i++, length += 4) {
                BigEndian.putInt(buf, length, entryStarts[i] + keyLength);
            }
            BigEndian.putInt(buf, length, used + keyLength);
            length += 4;
            nevBufSize = nev + 2;
        } else {
            nevBufSize = itemValues * elementBytes;
        }
        KeyHeader key = out.write(spec.name(), buf, length, used, nevBufSize, nev);
        addBasket(key.totalBytes(), key.keyLength() + length, key.seekKey(), nev);
        used = 0;
        nev = 0;
    }

    /** Adds a basket already on disk (written here or copied from another file) to the basket table. */
    public void addBasket(int nbytes, long uncompressedBytes, long seek, int basketEntries) {
        if (baskets == basketBytes.length) {
            basketBytes = Arrays.copyOf(basketBytes, baskets * 2);
            basketSeek = Arrays.copyOf(basketSeek, baskets * 2);
            basketEntry = Arrays.copyOf(basketEntry, baskets * 2 + 1);
        }
        basketBytes[baskets] = nbytes;
        basketSeek[baskets] = seek;
        basketEntry[baskets + 1] = basketEntry[baskets] + basketEntries;
        baskets++;
        totBytes += uncompressedBytes;
        zipBytes += nbytes;
    }

    /** Counts entries that arrived in baskets copied whole ({@link #addBasket}). */
    public void addCopiedEntries(long n) {
        entries += n;
    }

    /** Where a branch's baskets go. */
    public interface BasketOutput {
        /** Bytes of entry data after which a basket is written. */
        int basketSize();

        /** Key length of the next basket of {@code branch}. */
        int keyLength(String branch);

        /** Writes one basket; see {@link RecordWriter#writeBasket}. */
        KeyHeader write(String branch, byte[] payload, int length, int dataBytes, int nevBufSize, int nevBuf);
    }
}
