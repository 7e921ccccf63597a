package org.vbfann.rootio.internal;

import java.util.List;
import org.vbfann.core.Column;

/** Joins columns of the same name, type and shape read from several files, entry after entry. */
public final class Columns {
    private Columns() {
    }

    /**
     * The entries of {@code parts} one after the other; all must have the type, item shape and jaggedness of
     * the first.
     *
     * @throws IllegalArgumentException naming the first part that differs
     */
    public static Column concat(List<Column> parts) {
        Column first = parts.get(0);
        if (parts.size() == 1) {
            return first;
        }
        long entries = 0;
        long values = 0;
        for (Column c : parts) {
            if (!describe(c).equals(describe(first))) {
                throw new IllegalArgumentException("column '" + first.name() + "' is " + describe(first)
                        + " in one part and " + describe(c) + " in another");
            }
            entries += c.entries();
            values += c.size();
        }
        if (entries > Integer.MAX_VALUE - 16 || values > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("column '" + first.name() + "': " + values
                    + " values do not fit in one array; read fewer entries at a time");
        }
        Object data = BranchDecoder.newArray(first.type(), (int) values);
        int[] offsets = first.isJagged() ? new int[(int) entries + 1] : null;
        int e = 0;
        int v = 0;
        int items = 0;
        for (Column c : parts) {
            System.arraycopy(raw(c), 0, data, v, c.size());
            if (offsets != null) {
                int[] o = c.offsets();
                for (int i = 1; i <= c.entries(); i++) {
                    offsets[e + i] = items + o[i];
                }
                items += o[c.entries()];
            }
            e += c.entries();
            v += c.size();
        }
        return Column.of(first.name(), first.type(), (int) entries, offsets, first.fixedShape(), data);
    }

    /** Type and shape of a column's entries, e.g. {@code int32}, {@code float[3]}, {@code float[] jagged}. */
    public static String describe(Column c) {
        StringBuilder sb = new StringBuilder(c.type().label());
        if (c.isJagged()) {
            sb.append("[]");
        }
        for (int d : c.fixedShape()) {
            sb.append('[').append(d).append(']');
        }
        return c.isJagged() ? sb.append(" jagged").toString() : sb.toString();
    }

    /** The primitive (or String) array behind a column, whatever its type. Not a copy. */
    public static Object raw(Column c) {
        return switch (c.type()) {
            case BOOL, INT8, UINT8 -> c.bytes();
            case INT16, UINT16 -> c.shorts();
            case INT32, UINT32 -> c.ints();
            case INT64, UINT64 -> c.longs();
            case FLOAT32 -> c.floats();
            case FLOAT64 -> c.doubles();
            case STRING -> c.strings();
        };
    }
}
