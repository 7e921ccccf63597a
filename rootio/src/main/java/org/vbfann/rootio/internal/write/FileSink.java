package org.vbfann.rootio.internal.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vbfann.rootio.RootIoException;

/** The file being written: appends records at its end and patches fixed-size records in place. */
public final class FileSink implements AutoCloseable {
    private final Path path;
    private final String displayName;
    private final FileChannel channel;
    private long end;

    /**
     * Creates (truncates) {@code path}.
     *
     * @param displayName the name used in error messages (the final file's name, not the temporary one)
     */
    public FileSink(Path path, String displayName) {
        this(path, displayName, 0);
    }

    /**
     * Opens {@code path} with new records going at {@code end}: 0 creates (truncates) the file, a positive
     * {@code end} keeps its first {@code end} bytes (a copy of a file being updated) and drops the rest.
     */
    public FileSink(Path path, String displayName, long end) {
        this.path = path;
        this.displayName = displayName;
        this.end = end;
        try {
            this.channel = end == 0
                    ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)
                    : FileChannel.open(path, StandardOpenOption.WRITE);
            if (end > 0) {
                channel.truncate(end);
            }
        } catch (IOException e) {
            throw new RootIoException(displayName + ": cannot open " + path + " for writing: " + e.getMessage(), e);
        }
    }

    /** Current end of the file: where the next record goes. */
    public long end() {
        return end;
    }

    /** Reserves {@code n} bytes at the end (written later with {@link #writeAt}). @return their position */
    public long reserve(int n) {
        long at = end;
        end += n;
        return at;
    }

    /** Appends bytes. @return their position */
    public long append(byte[] b, int off, int len) {
        long at = end;
        writeAt(at, b, off, len);
        end = at + len;
        return at;
    }

    /** Writes bytes at {@code at} (inside the file or just at its end). */
    public void writeAt(long at, byte[] b, int off, int len) {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        try {
            long p = at;
            while (buf.hasRemaining()) {
                p += channel.write(buf, p);
            }
        } catch (IOException e) {
            throw new RootIoException(displayName + ": cannot write " + len + " bytes at offset " + at + " of "
                    + path + ": " + e.getMessage(), e);
        }
        if (at + len > end) {
            end = at + len;
        }
    }

    /** Forces the bytes to disk. */
    public void force() {
        try {
            channel.force(true);
        } catch (IOException e) {
            throw new RootIoException(displayName + ": cannot flush " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new RootIoException(displayName + ": cannot close " + path + ": " + e.getMessage(), e);
        }
    }
}
