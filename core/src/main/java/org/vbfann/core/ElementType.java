package org.vbfann.core;

/**
 * The type of one item of a {@link Column}, with the Java array that stores it: BOOL, INT8 and UINT8 in
 * {@code byte[]}, INT16/UINT16 in {@code short[]}, INT32/UINT32 in {@code int[]}, INT64/UINT64 in
 * {@code long[]}, FLOAT32 in {@code float[]}, FLOAT64 in {@code double[]}, STRING in {@code String[]}.
 * Unsigned types keep their bits; {@link Column#getDouble} and {@link Column#getLong} read them unsigned.
 */
public enum ElementType {
    BOOL(1, "bool"), INT8(1, "int8"), UINT8(1, "uint8"), INT16(2, "int16"), UINT16(2, "uint16"),
    INT32(4, "int32"), UINT32(4, "uint32"), INT64(8, "int64"), UINT64(8, "uint64"),
    FLOAT32(4, "float"), FLOAT64(8, "double"), STRING(0, "string");

    private final int bytes;
    private final String label;

    ElementType(int bytes, String label) {
        this.bytes = bytes;
        this.label = label;
    }

    /** Bytes per item in memory (0 for STRING). */
    public int bytes() {
        return bytes;
    }

    /** Short lower-case name used in listings ("float", "int32", ...). */
    public String label() {
        return label;
    }

    /** Whether values are integers (BOOL counts as an integer 0/1). */
    public boolean isIntegral() {
        return this != FLOAT32 && this != FLOAT64 && this != STRING;
    }

    /** Whether the stored bits are read as unsigned. */
    public boolean isUnsigned() {
        return this == UINT8 || this == UINT16 || this == UINT32 || this == UINT64;
    }
}
