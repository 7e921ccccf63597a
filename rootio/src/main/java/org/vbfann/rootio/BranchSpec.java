package org.vbfann.rootio;

import java.util.Arrays;
import org.vbfann.core.ElementType;

/**
 * One branch of a tree to write: a name, an element type, the fixed dimensions of one item and, for a
 * variable-length branch, the name of its counter branch (an INT32 scalar branch of the same tree that holds each
 * entry's number of items). The ROOT leaf title follows: {@code x/F}, {@code x[3][2]/F}, {@code x[n]/F}.
 *
 * @param name       branch (and leaf) name
 * @param type       element type; STRING only for a scalar branch (a C string per entry, leaf {@code x/C})
 * @param fixedShape dimensions of one item, {@code new int[0]} for a number
 * @param counter    name of the counter branch, or null for scalars and fixed arrays
 */
public record BranchSpec(String name, ElementType type, int[] fixedShape, String counter) {
    public BranchSpec {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("[")) {
            throw new IllegalArgumentException("branch name must be non-empty without '/' or '[', got '" + name + "'");
        }
        if (type == null) {
            throw new IllegalArgumentException("branch '" + name + "': no element type");
        }
        fixedShape = fixedShape == null ? new int[0] : fixedShape.clone();
        if (type == ElementType.STRING && (fixedShape.length > 0 || counter != null)) {
            throw new IllegalArgumentException("branch '" + name + "': a string branch holds one string per entry; "
                    + "arrays of strings are not written");
        }
        for (int d : fixedShape) {
            if (d < 1) {
                throw new IllegalArgumentException("branch '" + name + "': array dimensions must be >= 1, got "
                        + Arrays.toString(fixedShape));
            }
        }
        if (counter != null && (counter.isEmpty() || counter.equals(name))) {
            throw new IllegalArgumentException("branch '" + name + "': counter must name another branch, got '"
                    + counter + "'");
        }
    }

    /** A branch of one number per entry. */
    public static BranchSpec scalar(String name, ElementType t) {
        return new BranchSpec(name, t, new int[0], null);
    }

    /** A branch of a fixed-size (possibly multi-dimensional, row-major) array per entry. */
    public static BranchSpec fixed(String name, ElementType t, int... dims) {
        if (dims.length == 0) {
            throw new IllegalArgumentException("branch '" + name + "': a fixed array needs at least one dimension");
        }
        return new BranchSpec(name, t, dims, null);
    }

    /** A branch of a variable number of numbers per entry, counted by the INT32 branch {@code counter}. */
    public static BranchSpec jagged(String name, ElementType t, String counter) {
        if (counter == null) {
            throw new IllegalArgumentException("branch '" + name + "': a jagged branch needs a counter branch");
        }
        return new BranchSpec(name, t, new int[0], counter);
    }

    /** Whether entries have different lengths. */
    public boolean isJagged() {
        return counter != null;
    }

    /** Dimensions of one item (a copy). */
    @Override
    public int[] fixedShape() {
        return fixedShape.clone();
    }

    /** Numbers per item: the product of the fixed dimensions. */
    public int itemSize() {
        int n = 1;
        for (int d : fixedShape) {
            n *= d;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BranchSpec b && name.equals(b.name) && type == b.type
                && Arrays.equals(fixedShape, b.fixedShape) && java.util.Objects.equals(counter, b.counter);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(fixedShape);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name);
        if (counter != null) {
            s.append('[').append(counter).append(']');
        }
        for (int d : fixedShape) {
            s.append('[').append(d).append(']');
        }
        return s.append(" (").append(type.label()).append(')').toString();
    }
}
