package org.vbfann.rootio.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.vbfann.rootio.RootFileAccessException;
import org.vbfann.rootio.RootFormatException;

/**
 * Where the bytes of a ROOT file come from: a file on disk (positional reads, safe from several threads) or
 * an array in memory. Hands out {@link Chunk}s; only the chunks' cursors decode numbers.
 */
public abstract class RootSource implements Closeable {
    private final String name;

    RootSource(String name) {
        this.name = name;
    }

    /** A source over a file on disk. */
    public static RootSource file(Path path) {
        if (Files.isDirectory(path)) {
            throw new RootFileAccessException(path + ": is a directory, not a ROOT file", null);
        }
        try {
            return new FileSource(path);
        } catch (NoSuchFileException e) {
            throw new RootFileAccessException(path + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new RootFileAccessException(path + ": permission denied", e);
        } catch (IOException e) {
            throw new RootFileAccessException(path + ": cannot open: " + e, e);
        }
    }

    /** A source over bytes in memory (not copied; the caller must not change them). */
    public static RootSource memory(String name, byte[] bytes) {
        return new MemorySource(name, bytes);
    }

    /** The file name used in messages. */
    public String name() {
        return name;
    }

    /** Total number of bytes. */
    public abstract long size();

    /**
     * The bytes {@code [start, start + length)} as a chunk whose positions are file offsets.
     *
     * @throws RootFormatException if the range is not inside the file; {@code what} names the record
     */
    public Chunk read(long start, int length, String what) {
        if (start < 0 || length < 0 || start + length > size()) {
            throw new RootFormatException(name + ": " + what + " @" + start + " needs bytes [" + start + ", "
                    + (start + (long) length) + "), file has " + size() + " (truncated or corrupted file)");
        }
        byte[] data = new byte[length];
        readFully(start, data);
        return new Chunk(name + ": " + what, data, 0, length, start);
    }

    abstract void readFully(long start, byte[] into);

    private static final class FileSource extends RootSource {
        private final FileChannel channel;
        private final long size;

        FileSource(Path path) throws IOException {
            super(path.getFileName() == null ? path.toString() : path.getFileName().toString());
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.size = channel.size();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        void readFully(long start, byte[] into) {
            ByteBuffer buf = ByteBuffer.wrap(into);
            try {
                while (buf.hasRemaining()) {
                    int n = channel.read(buf, start + buf.position());
                    if (n < 0) {
                        throw new RootFormatException(name() + ": file ended at " + (start + buf.position())
                                + " while reading " + into.length + " bytes from " + start);
                    }
                }
            } catch (IOException e) {
                throw new RootFileAccessException(name() + ": cannot read " + into.length + " bytes at " + start
                        + ": " + e, e);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    private static final class MemorySource extends RootSource {
        private final byte[] bytes;

        MemorySource(String name, byte[] bytes) {
            super(name);
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        void readFully(long start, byte[] into) {
            System.arraycopy(bytes, (int) start, into, 0, into.length);
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
