package org.vbfann.rootio;

import java.util.Arrays;
import java.util.Objects;

/**
 * One readable column of a tree: a leaf-level branch (a branch without sub-branches), or one leaf of a
 * leaf-list branch such as {@code x/D:y/I:z/B}, which gives the columns {@code branch.x}, {@code branch.y},
 * {@code branch.z}.
 *
 * @param name        column name: the branch name, or {@code branch.leaf} for a leaf-list branch
 * @param branch      the TBranch name
 * @param leaf        the TLeaf name
 * @param title       the leaf title, e.g. {@code Muon_Px[NMuon]}
 * @param kind        how entries are shaped
 * @param type        the item type (for STRING columns {@link org.vbfann.core.ElementType#STRING})
 * @param fixedShape  dimensions of the fixed part of one item: {@code []} for a number, {@code [3]}, {@code [2, 3]}
 * @param counter     for {@link Kind#JAGGED}, the column holding the per-entry count; else null
 * @param branchClass TBranch or TBranchElement
 * @param leafClass   TLeafI, TLeafF, TLeafElement, ...
 * @param rootType    ROOT's or C++'s type name: {@code Int_t}, {@code Float_t}, {@code vector<float>}, {@code TString}
 * @param entries     the branch's fEntries
 * @param baskets     number of baskets (on file and inside the tree record)
 * @param unsupported why vbfann cannot read this column, or null if it can
 */
public record BranchInfo(String name, String branch, String leaf, String title, Kind kind,
                         org.vbfann.core.ElementType type, int[] fixedShape, String counter, String branchClass,
                         String leafClass, String rootType, long entries, int baskets, String unsupported) {
    /** The shape of a column's entries. */
    public enum Kind {
        /** One number per entry. */
        SCALAR("scalar"),
        /** A fixed-size array per entry ({@code x[4]}, {@code m[3][2]}). */
        FIXED_ARRAY("fixed_array"),
        /** A variable-length array whose length is another branch ({@code Muon_Px[NMuon]}). */
        JAGGED("jagged"),
        /** A string per entry ({@code char*}, TString, std::string). */
        STRING("string"),
        /** A std::vector per entry (jagged; of numbers or strings). */
        STL_VECTOR("stl_vector"),
        /** Something vbfann cannot read; see {@link BranchInfo#unsupported()}. */
        UNSUPPORTED("unsupported");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Lower-case name used in listings and JSON. */
        public String label() {
            return label;
        }
    }

    /** Whether entries have different lengths (a column with offsets). */
    public boolean isJagged() {
        return kind == Kind.JAGGED || kind == Kind.STL_VECTOR;
    }

    /** A short type description for listings, e.g. {@code float}, {@code int32[3]}, {@code float[][NMuon]}. */
    public String typeLabel() {
        if (kind == Kind.UNSUPPORTED) {
            return "unsupported";
        }
        StringBuilder sb = new StringBuilder(type.label());
        if (isJagged()) {
            sb.append('[').append(counter != null ? counter : "").append(']');
        }
        for (int d : fixedShape) {
            sb.append('[').append(d).append(']');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BranchInfo b && name.equals(b.name) && branch.equals(b.branch) && leaf.equals(b.leaf)
                && kind == b.kind && type == b.type && Arrays.equals(fixedShape, b.fixedShape)
                && Objects.equals(counter, b.counter) && rootType.equals(b.rootType);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(fixedShape);
    }

    @Override
    public int[] fixedShape() {
        return fixedShape.clone();
    }
}
