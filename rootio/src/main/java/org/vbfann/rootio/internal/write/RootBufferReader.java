package org.vbfann.rootio.internal.write;

import java.util.Arrays;

/** Reads the few big-endian fields the writer takes back from a file it updates. */
final class RootBufferReader {
    private final byte[] b;
    private int p;

    RootBufferReader(byte[] b) {
        this.b = b;
    }

    int position() {
        return p;
    }

    int i16() {
        int v = (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
        p += 2;
        return v;
    }

    int i32() {
        int v = (b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8 | (b[p + 3] & 0xFF);
        p += 4;
        return v;
    }

    int u8() {
        return b[p++] & 0xFF;
    }

    void skip(int n) {
        p += n;
    }

    byte[] bytes(int n) {
        byte[] out = Arrays.copyOfRange(b, p, p + n);
        p += n;
        return out;
    }

    /** Skips a TString. */
    void skipTString() {
        int n = u8();
        if (n == 255) {
            n = i32();
        }
        p += n;
    }
}
