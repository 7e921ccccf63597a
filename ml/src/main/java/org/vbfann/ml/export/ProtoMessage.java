package org.vbfann.ml.export;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A protocol-buffer message written field by field with {@link CodedOutputStream}: enough of the wire
 * format for ONNX, without generated classes. Nested messages are finished into bytes and written as
 * length-delimited fields.
 */
final class ProtoMessage {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

    ProtoMessage int64(int field, long v) {
        try {
            out.writeInt64(field, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage int32(int field, int v) {
        try {
            out.writeInt32(field, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage string(int field, String s) {
        try {
            out.writeString(field, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage bytes(int field, byte[] b) {
        try {
            out.writeByteArray(field, b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    ProtoMessage message(int field, ProtoMessage m) {
        try {
            out.writeBytes(field, ByteString.copyFrom(m.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] toByteArray() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
