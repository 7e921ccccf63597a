package org.vbfann.rootio;

/**
 * One basket of a branch: where it is and how big, for benchmarks and diagnostics.
 *
 * @param index             basket number within the branch
 * @param seek              file offset of the basket record (0 for a basket stored inside the tree record)
 * @param recordBytes       bytes of the record in the file (key header included)
 * @param compressedBytes   bytes of the payload as stored (after the key header)
 * @param uncompressedBytes bytes of the payload once decompressed
 * @param firstEntry        first entry of the basket
 * @param entries           number of entries in it
 * @param compression       block tag of the payload: {@code ZL}, {@code XZ}, {@code L4}, {@code ZS}, {@code CS},
 *                          {@code none} (stored raw) or {@code embedded} (inside the tree record)
 */
public record BasketInfo(int index, long seek, int recordBytes, int compressedBytes, int uncompressedBytes,
                         long firstEntry, int entries, String compression) {
    /** File offset of the stored payload (after the key header), where a compressed basket's first block starts. */
    public long payloadSeek() {
        return seek + recordBytes - compressedBytes;
    }
}
