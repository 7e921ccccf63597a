package org.vbfann.physics.gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vbfann.core.Column;
import org.vbfann.core.EventTable;
import org.vbfann.physics.PhysicsException;

/**
 * Preallocated primitive arrays for the branches of one tree, filled row by row by the generator and turned
 * into an {@link EventTable} at the end. Fixed arrays are stored row-major, {@code items} values per row.
 */
final class TreeBuffer {
    private final List<NtupleSchema.Branch> branches;
    private final Map<String, Object> arrays = new LinkedHashMap<>();
    private final int capacity;

    TreeBuffer(List<NtupleSchema.Branch> branches, int capacity) {
        this.branches = branches;
        this.capacity = capacity;
        for (NtupleSchema.Branch b : branches) {
            int n = capacity * b.items();
            Object data = switch (b.type()) {
                case FLOAT32 -> new float[n];
                case FLOAT64 -> new double[n];
                case INT32 -> new int[n];
                case BOOL, UINT8 -> new byte[n];
                default -> throw new PhysicsException("branch " + b.name() + ": type " + b.type() + " is not generated");
            };
            arrays.put(b.name(), data);
        }
    }

    int capacity() {
        return capacity;
    }

    float[] floats(String name) {
        return (float[]) get(name);
    }

    double[] doubles(String name) {
        return (double[]) get(name);
    }

    int[] ints(String name) {
        return (int[]) get(name);
    }

    byte[] bytes(String name) {
        return (byte[]) get(name);
    }

    /** The float arrays of {@code f_lept1_<q> .. f_lept4_<q>}. */
    float[][] leptonFloats(String quantity) {
        float[][] out = new float[4][];
        for (int i = 0; i < 4; i++) {
            out[i] = floats("f_lept" + (i + 1) + "_" + quantity);
        }
        return out;
    }

    private Object get(String name) {
        Object a = arrays.get(name);
        if (a == null) {
            throw new PhysicsException("tree has no branch '" + name + "'");
        }
        return a;
    }

    /** Fills every float and int array of the tree with the ntuple's −999 marker (done before filling rows). */
    void fillSentinel() {
        for (Object a : arrays.values()) {
            if (a instanceof float[] f) {
                Arrays.fill(f, -999f);
            } else if (a instanceof int[] i) {
                Arrays.fill(i, -999);
            } else if (a instanceof double[] d) {
                Arrays.fill(d, -999.0);
            }
        }
    }

    /** Copies row {@code from} of {@code source} (same branches) into row {@code to} of this buffer. */
    void copyRow(TreeBuffer source, int from, int to) {
        for (NtupleSchema.Branch b : branches) {
            int k = b.items();
            System.arraycopy(source.get(b.name()), from * k, get(b.name()), to * k, k);
        }
    }

    /** The first {@code rows} rows as a table, columns in schema order. */
    EventTable toTable(int rows) {
        List<Column> cols = new ArrayList<>();
        for (NtupleSchema.Branch b : branches) {
            Object a = arrays.get(b.name());
            int n = rows * b.items();
            Object data = switch (b.type()) {
                case FLOAT32 -> ((float[]) a).length == n ? a : Arrays.copyOf((float[]) a, n);
                case FLOAT64 -> ((double[]) a).length == n ? a : Arrays.copyOf((double[]) a, n);
                case INT32 -> ((int[]) a).length == n ? a : Arrays.copyOf((int[]) a, n);
                default -> ((byte[]) a).length == n ? a : Arrays.copyOf((byte[]) a, n);
            };
            cols.add(Column.of(b.name(), b.type(), rows, null, b.shape(), data));
        }
        return EventTable.of(rows, cols);
    }
}
