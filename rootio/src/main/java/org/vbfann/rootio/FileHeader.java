package org.vbfann.rootio;

/**
 * The TFile header at the start of a ROOT file (io/io/src/TFile.cxx, TFile::WriteHeader) and the seeks of the
 * top directory.
 *
 * @param version     {@code fVersion} as stored; 1000000 is added when the file uses 64-bit seeks
 * @param begin       {@code fBEGIN}, offset of the first record
 * @param end         {@code fEND}, offset of the first free byte
 * @param seekFree    offset of the free-segments record
 * @param nbytesFree  its length
 * @param nbytesName  length of the TFile key plus name and title
 * @param units       4 or 8: the size of seeks
 * @param compress    {@code fCompress} = algorithm * 100 + level (below 100: old style, zlib)
 * @param seekInfo    offset of the StreamerInfo record
 * @param nbytesInfo  its length
 * @param seekKeys    offset of the top directory's key list
 * @param nbytesKeys  its length
 * @param seekDir     offset of the top directory record
 * @param title       the file's title
 */
public record FileHeader(int version, long begin, long end, long seekFree, int nbytesFree, int nbytesName,
                         int units, int compress, long seekInfo, int nbytesInfo, long seekKeys, int nbytesKeys,
                         long seekDir, String title) {
    /** The ROOT version that wrote the file, e.g. 62004 for 6.20/04. */
    public int rootVersion() {
        return version % 1000000;
    }

    /** Whether the header uses 64-bit seeks. */
    public boolean largeFile() {
        return version >= 1000000;
    }

    /** Compression algorithm: {@code compress / 100} (0 = global default zlib, 1 zlib, 2 LZMA, 4 LZ4, 5 ZSTD). */
    public int compressionAlgorithm() {
        return compress / 100;
    }

    /** Compression level: {@code compress % 100}; 0 means uncompressed. */
    public int compressionLevel() {
        return compress % 100;
    }
}
