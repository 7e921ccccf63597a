package org.vbfann.rootio;

import java.util.List;

/**
 * One TStreamerInfo of a file: how a class version is laid out.
 *
 * @param name         class name
 * @param classVersion class version
 * @param checksum     ROOT's class checksum
 * @param elements     members and bases in streaming order
 */
public record StreamerInfoSummary(String name, int classVersion, long checksum, List<Element> elements) {
    /**
     * One member or base.
     *
     * @param name        member name
     * @param className   streamer element class (TStreamerBase, TStreamerBasicType, ...)
     * @param type        ROOT type code (TVirtualStreamerInfo::EReadWrite)
     * @param typeName    C++ type name
     * @param arrayLength total array length (0 for non-arrays)
     */
    public record Element(String name, String className, int type, String typeName, int arrayLength) {
    }
}
