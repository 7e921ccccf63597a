package org.vbfann.rootio.internal.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** The TKey and TDirectory layouts with 4- and 8-byte seeks (io/doc/TFile/datarecord.md, tdirectory.md). */
class KeyHeaderTest {
    private static ByteBuffer bytes(RootBuffer b) {
        return ByteBuffer.wrap(b.toByteArray());
    }

    @Test
    void smallKeyHasFourByteSeeks() {
        KeyHeader k = new KeyHeader("TH1D", "h", "title", 2, 1000, 100, 500, 300, 7, 0);
        RootBuffer b = new RootBuffer();
        k.write(b);
        ByteBuffer r = bytes(b);
        assertEquals(26 + 5 + 2 + 6, k.keyLength());
        assertEquals(k.keyLength(), b.length());
        assertEquals(k.keyLength() + 300, r.getInt(0));
        assertEquals(4, r.getShort(4));
        assertEquals(500, r.getInt(6));
        assertEquals(7, r.getInt(10));
        assertEquals(k.keyLength(), r.getShort(14));
        assertEquals(2, r.getShort(16));
        assertEquals(1000, r.getInt(18));
        assertEquals(100, r.getInt(22));
    }

    @Test
    void keyPastTwoGigabytesHasEightByteSeeks() {
        long at = 3_000_000_000L;
        KeyHeader k = new KeyHeader("TBasket", "x", "t", 1, at, 100, 64, 64, 0, 19);
        RootBuffer b = new RootBuffer();
        k.write(b);
        ByteBuffer r = bytes(b);
        assertEquals(34 + 8 + 2 + 2 + 19, k.keyLength(), "the basket fields count in fKeylen");
        assertEquals(1004, r.getShort(4));
        assertEquals(at, r.getLong(18));
        assertEquals(100, r.getLong(26));
    }

    @Test
    void directoryHeaderIsSixtyBytesEitherWay() {
        DirectoryState top = new DirectoryState("f.root", null, 100, 5, new byte[16]);
        top.setKeyList(400, 80);
        RootBuffer small = new RootBuffer();
        top.writeHeader(small, 60);
        assertEquals(DirectoryState.HEADER_BYTES, small.length());
        ByteBuffer s = bytes(small);
        assertEquals(5, s.getShort(0));
        assertEquals(80, s.getInt(10));
        assertEquals(60, s.getInt(14));
        assertEquals(100, s.getInt(18));
        assertEquals(0, s.getInt(22));
        assertEquals(400, s.getInt(26));

        DirectoryState sub = new DirectoryState("d", top, 2_500_000_000L, 5, new byte[16]);
        sub.setKeyList(2_600_000_000L, 90);
        RootBuffer big = new RootBuffer();
        sub.writeHeader(big, 40);
        assertEquals(DirectoryState.HEADER_BYTES, big.length());
        ByteBuffer g = bytes(big);
        assertEquals(1005, g.getShort(0));
        assertEquals(2_500_000_000L, g.getLong(18));
        assertEquals(100, g.getLong(26));
        assertEquals(2_600_000_000L, g.getLong(34));
    }
}
