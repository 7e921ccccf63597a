package org.vbfann.core;

import java.util.Arrays;

/**
 * One named column of per-entry values in a primitive array. Three shapes:
 * <ul>
 *   <li>scalar: one item per entry ({@code offsets() == null}, {@code itemsPerEntry() == 1});</li>
 *   <li>fixed array: {@code itemsPerEntry()} items per entry, row-major for multi-dimensional arrays
 *       ({@link #fixedShape()}, e.g. {@code [3, 2]});</li>
 *   <li>jagged: entry {@code i} holds the items {@code offsets[i] .. offsets[i+1]-1} of the flat data
 *       ({@code offsets.length == entries + 1}); each item may itself be a fixed array.</li>
 * </ul>
 * The data array is exposed without copying (hot paths read it directly); callers must not modify it.
 */
public final class Column {
    private final String name;
    private final ElementType type;
    private final int entries;
    private final int[] offsets;
    private final int[] fixedShape;
    private final int itemsPerEntry;
    private final Object data;   // the primitive array matching type; kept private, typed accessors below

    private Column(String name, ElementType type, int entries, int[] offsets, int[] fixedShape, Object data) {
        this.name = name;
        this.type = type;
        this.entries = entries;
        this.offsets = offsets;
        this.fixedShape = fixedShape;
        int n = 1;
        for (int d : fixedShape) {
            n *= d;
        }
        this.itemsPerEntry = n;
        this.data = data;
        int expected = offsets == null ? entries * n : offsets[entries] * n;
        if (java.lang.reflect.Array.getLength(data) < expected) {
            throw new IllegalArgumentException("column '" + name + "': data holds "
                    + java.lang.reflect.Array.getLength(data) + " values, shape needs " + expected);
        }
    }

    /**
     * A column over {@code data}, which must be the array type of {@code type} (see {@link ElementType}).
     *
     * @param offsets    null for scalar/fixed columns, else {@code entries + 1} non-decreasing offsets counted in
     *                   items (an item is one fixed array of {@code fixedShape})
     * @param fixedShape dimensions of one item ({@code new int[0]} for a plain number)
     */
    public static Column of(String name, ElementType type, int entries, int[] offsets, int[] fixedShape, Object data) {
        checkArrayType(name, type, data);
        if (offsets != null && offsets.length != entries + 1) {
            throw new IllegalArgumentException("column '" + name + "': " + offsets.length + " offsets for "
                    + entries + " entries, expected " + (entries + 1));
        }
        return new Column(name, type, entries, offsets, fixedShape.clone(), data);
    }

    /** A scalar float column. */
    public static Column ofFloats(String name, float[] values) {
        return new Column(name, ElementType.FLOAT32, values.length, null, new int[0], values);
    }

    /** A scalar double column. */
    public static Column ofDoubles(String name, double[] values) {
        return new Column(name, ElementType.FLOAT64, values.length, null, new int[0], values);
    }

    /** A scalar int column. */
    public static Column ofInts(String name, int[] values) {
        return new Column(name, ElementType.INT32, values.length, null, new int[0], values);
    }

    private static void checkArrayType(String name, ElementType type, Object data) {
        Class<?> expected = switch (type) {
            case BOOL, INT8, UINT8 -> byte[].class;
            case INT16, UINT16 -> short[].class;
            case INT32, UINT32 -> int[].class;
            case INT64, UINT64 -> long[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
            case STRING -> String[].class;
        };
        if (data == null || data.getClass() != expected) {
            throw new IllegalArgumentException("column '" + name + "' of type " + type + " needs "
                    + expected.getSimpleName() + ", got " + (data == null ? "null" : data.getClass().getSimpleName()));
        }
    }

    public String name() {
        return name;
    }

    public ElementType type() {
        return type;
    }

    /** Number of entries (rows). */
    public int entries() {
        return entries;
    }

    /** Whether entries have different lengths. */
    public boolean isJagged() {
        return offsets != null;
    }

    /** Entry offsets in items (length entries+1) or null for scalar and fixed columns. Not a copy. */
    public int[] offsets() {
        return offsets;
    }

    /** Dimensions of one item, e.g. {@code [3]} for {@code x[3]}, {@code []} for a number. */
    public int[] fixedShape() {
        return fixedShape.clone();
    }

    /** Numbers per item: the product of {@link #fixedShape()}. */
    public int itemsPerEntry() {
        return itemsPerEntry;
    }

    /** Number of values in entry {@code i}. */
    public int length(int entry) {
        return offsets == null ? itemsPerEntry : (offsets[entry + 1] - offsets[entry]) * itemsPerEntry;
    }

    /** Index in the flat data of the first value of entry {@code i}. */
    public int start(int entry) {
        return offsets == null ? entry * itemsPerEntry : offsets[entry] * itemsPerEntry;
    }

    /** Total number of values in the flat data. */
    public int size() {
        return offsets == null ? entries * itemsPerEntry : offsets[entries] * itemsPerEntry;
    }

    /** The float data (FLOAT32 only). Not a copy. */
    public float[] floats() {
        return (float[]) typed(float[].class);
    }

    /** The double data (FLOAT64 only). Not a copy. */
    public double[] doubles() {
        return (double[]) typed(double[].class);
    }

    /** The int data (INT32, UINT32). Not a copy. */
    public int[] ints() {
        return (int[]) typed(int[].class);
    }

    /** The long data (INT64, UINT64). Not a copy. */
    public long[] longs() {
        return (long[]) typed(long[].class);
    }

    /** The short data (INT16, UINT16). Not a copy. */
    public short[] shorts() {
        return (short[]) typed(short[].class);
    }

    /** The byte data (BOOL, INT8, UINT8). Not a copy. */
    public byte[] bytes() {
        return (byte[]) typed(byte[].class);
    }

    /** The string data (STRING). Not a copy. */
    public String[] strings() {
        return (String[]) typed(String[].class);
    }

    private Object typed(Class<?> wanted) {
        if (data.getClass() != wanted) {
            throw new IllegalStateException("column '" + name + "' holds " + type + ", not "
                    + wanted.getComponentType().getSimpleName());
        }
        return data;
    }

    /**
     * Value number {@code flatIndex} of the flat data as a double (unsigned types read unsigned; BOOL as 0/1).
     *
     * @throws IllegalStateException for a STRING column
     */
    public double getDouble(int flatIndex) {
        return switch (type) {
            case FLOAT32 -> ((float[]) data)[flatIndex];
            case FLOAT64 -> ((double[]) data)[flatIndex];
            case UINT64 -> {
                long v = ((long[]) data)[flatIndex];
                yield v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            case STRING -> throw new IllegalStateException("column '" + name + "' holds strings, not numbers");
            default -> getLong(flatIndex);
        };
    }

    /**
     * Value number {@code flatIndex} as a long (unsigned types zero-extended, UINT64 keeps its bits;
     * floating values truncated).
     */
    public long getLong(int flatIndex) {
        return switch (type) {
            case BOOL, INT8 -> ((byte[]) data)[flatIndex];
            case UINT8 -> ((byte[]) data)[flatIndex] & 0xFFL;
            case INT16 -> ((short[]) data)[flatIndex];
            case UINT16 -> ((short[]) data)[flatIndex] & 0xFFFFL;
            case INT32 -> ((int[]) data)[flatIndex];
            case UINT32 -> ((int[]) data)[flatIndex] & 0xFFFFFFFFL;
            case INT64, UINT64 -> ((long[]) data)[flatIndex];
            case FLOAT32 -> (long) ((float[]) data)[flatIndex];
            case FLOAT64 -> (long) ((double[]) data)[flatIndex];
            case STRING -> throw new IllegalStateException("column '" + name + "' holds strings, not numbers");
        };
    }

    /** Whether the column holds strings. */
    public boolean isString() {
        return type == ElementType.STRING;
    }

    @Override
    public String toString() {
        return "Column(" + name + ", " + type.label() + (fixedShape.length > 0 ? Arrays.toString(fixedShape) : "")
                + (offsets != null ? "[jagged]" : "") + ", " + entries + " entries)";
    }
}
