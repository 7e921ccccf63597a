package org.vbfann.rootio.internal;

import java.util.List;

/** The decoded forms of the ROOT classes the reader understands (only the members it uses). */
public final class Models {
    private Models() {
    }

    /** A TObjString (its fUniqueID carries the bin number of an axis label). */
    public record ObjString(long uniqueId, String value) {
    }

    /** An object of a class the reader skips over; kept so lists keep their length. */
    public record Unknown(String className) {
    }

    /** TList, THashList or TObjArray contents. */
    public record ObjList(String className, String name, List<Object> items) {
    }

    /** One element of a TStreamerInfo. */
    public record StreamerElement(String elementClass, String name, String title, int type, int size,
                                  int arrayLength, int arrayDim, int[] maxIndex, String typeName,
                                  int baseVersion, String countName) {
    }

    /** A TStreamerInfo: how one class version is streamed. */
    public record StreamerInfo(String name, String title, long checksum, int classVersion,
                               List<StreamerElement> elements) {
    }
}
