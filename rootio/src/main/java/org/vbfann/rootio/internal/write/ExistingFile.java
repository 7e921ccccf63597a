package org.vbfann.rootio.internal.write;

import java.util.List;
import java.util.Set;

/**
 * What updating a file keeps of it: its header, its directories with their keys' headers as stored, and its
 * StreamerInfo list, so new objects can be appended and the records that index them rewritten.
 *
 * @param end               fEND: where new records go
 * @param header            the file's first {@link FileStructure#BEGIN} bytes
 * @param top               the top directory
 * @param streamerList      the StreamerInfo TList, decompressed
 * @param streamerKeyLength the key length of the StreamerInfo record (positions in the list count from it)
 * @param streamerClasses   {@code name;version} of every class the list describes
 */
public record ExistingFile(long end, byte[] header, Directory top, byte[] streamerList, int streamerKeyLength,
                           Set<String> streamerClasses) {
    /**
     * One directory of the file.
     *
     * @param name       its name (the file name for the top directory)
     * @param seekDir    position of its key
     * @param headerPos  position of its TDirectory header
     * @param header     the header's bytes as stored
     * @param keyHeaders the key headers of its key list, as stored
     * @param keyNames   the names of those keys
     * @param keyCycles  their cycles
     * @param children   its subdirectories
     */
    public record Directory(String name, long seekDir, long headerPos, byte[] header, List<byte[]> keyHeaders,
                            List<String> keyNames, List<Integer> keyCycles, List<Directory> children) {
    }
}
