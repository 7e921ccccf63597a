package org.vbfann.rootio.internal;

import java.util.List;
import org.vbfann.rootio.BranchInfo;
import org.vbfann.rootio.internal.TTreeModels.BranchModel;

/**
 * How to turn one column's bytes into arrays: which branch's baskets, and where each entry's values are.
 *
 * @param info          what the column is, as users see it
 * @param branch        the branch whose baskets hold the bytes
 * @param baskets       those baskets, in entry order
 * @param encoding      the byte layout of an entry
 * @param itemBytes     bytes of one number in the file
 * @param items         numbers per item (the product of the fixed shape)
 * @param offsetInEntry where this leaf's bytes start inside an entry (leaf lists)
 * @param stride        bytes of one entry of a fixed-size branch (all leaves of a leaf list)
 * @param headerBytes   bytes before an entry's values: 1 for a C-array pointer member of a split object, 6 for a
 *                      std::string (byte count and version), 10 for a std::vector (byte count, version, size)
 */
public record LeafPlan(BranchInfo info, BranchModel branch, List<BasketRef> baskets, Encoding encoding,
                       int itemBytes, int items, int offsetInEntry, int stride, int headerBytes) {
    /** Entry byte layouts. */
    public enum Encoding {
        /** Every entry has the same number of values, at {@code offsetInEntry}. */
        FIXED,
        /** {@code headerBytes} then a variable number of items; the count comes from the entry's byte length. */
        JAGGED,
        /** {@code headerBytes} then a TString (1-byte length, or 255 and a 4-byte length, then the characters). */
        TSTRING,
        /** A 4-byte length then the characters (a {@code char*} member of a split object). */
        CHAR_STAR,
        /** A std::vector of strings: byte count, version, size, then TStrings. */
        VECTOR_STRING,
        /** Not readable; reading throws with {@link BranchInfo#unsupported()}. */
        UNSUPPORTED
    }

    /**
     * One basket of a branch.
     *
     * @param embedded the basket when it is stored inside the tree record, else null
     */
    public record BasketRef(int index, long seek, int bytes, long first, long end,
                            TTreeModels.EmbeddedBasket embedded) {
        /** Number of entries. */
        public int entries() {
            return (int) (end - first);
        }
    }
}
