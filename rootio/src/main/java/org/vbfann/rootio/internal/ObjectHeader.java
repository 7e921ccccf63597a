package org.vbfann.rootio.internal;

/**
 * A class version header as TBufferFile::ReadVersion reads it: an optional 4-byte byte count (flagged by
 * kByteCountMask, 0x40000000, io/io/src/TBufferFile.cxx) then a 2-byte version. With a byte count the end of
 * the object is known, so readers read the members they need and {@link #finish} skips the rest.
 */
public record ObjectHeader(String className, int version, long end) {
    static final long BYTE_COUNT_MASK = 0x40000000L;

    /** Reads a version header for an object of class {@code className}. */
    public static ObjectHeader read(Cursor c, String className) {
        long start = c.position();
        long word = c.u32();
        if ((word & BYTE_COUNT_MASK) != 0) {
            long count = word & ~BYTE_COUNT_MASK;
            long end = start + 4 + count;
            if (count < 2 || end > c.chunk().stop()) {
                c.seek(start);
                throw c.fail(className + " byte count " + count + " runs past the record end " + c.chunk().stop());
            }
            return new ObjectHeader(className, c.u16(), end);
        }
        c.seek(start);
        return new ObjectHeader(className, c.u16(), -1);
    }

    /** Whether the byte count is known. */
    public boolean hasEnd() {
        return end >= 0;
    }

    /** Moves the cursor to the end of the object, checking that reading did not run past it. */
    public void finish(Cursor c) {
        if (end < 0) {
            return;
        }
        if (c.position() > end) {
            throw c.fail(className + " v" + version + " was read up to " + c.position()
                    + " but its byte count ends it at " + end);
        }
        c.seek(end);
    }

    /** Skips the whole object, which needs a byte count. */
    public void skip(Cursor c) {
        if (end < 0) {
            throw new org.vbfann.rootio.RootUnsupportedException(c.chunk().where() + " @" + c.position() + ": "
                    + className + " v" + version + " has no byte count, cannot be skipped");
        }
        c.seek(end);
    }
}
