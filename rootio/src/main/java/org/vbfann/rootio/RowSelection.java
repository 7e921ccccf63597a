package org.vbfann.rootio;

import java.util.ArrayList;
import java.util.List;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.rootio.internal.Columns;

/** Row subsets of columns, for {@link TreeCopier#select}. */
final class RowSelection {
    private RowSelection() {
    }

    /** The rows of {@code t} whose {@code mask} byte is not 0, every column cut the same way. */
    static EventTable select(EventTable t, byte[] mask) {
        int n = 0;
        for (byte m : mask) {
            n += m != 0 ? 1 : 0;
        }
        List<Column> out = new ArrayList<>();
        for (Column c : t.columns()) {
            out.add(select(c, mask, n));
        }
        return EventTable.of(n, out);
    }

    private static Column select(Column c, byte[] mask, int n) {
        Object data = Columns.raw(c);
        int per = c.itemsPerEntry();
        int[] offsets = null;
        int values = 0;
        if (c.isJagged()) {
            offsets = new int[n + 1];
            int k = 0;
            for (int e = 0; e < mask.length; e++) {
                if (mask[e] != 0) {
                    offsets[k + 1] = offsets[k] + (c.offsets()[e + 1] - c.offsets()[e]);
                    k++;
                }
            }
            values = offsets[n] * per;
        } else {
            values = n * per;
        }
        Object dst = java.lang.reflect.Array.newInstance(data.getClass().getComponentType(), values);
        int at = 0;
        for (int e = 0; e < mask.length; e++) {
            if (mask[e] != 0) {
                int len = c.length(e);
                System.arraycopy(data, c.start(e), dst, at, len);
                at += len;
            }
        }
        return Column.of(c.name(), c.type(), n, offsets, c.fixedShape(), dst);
    }
}
