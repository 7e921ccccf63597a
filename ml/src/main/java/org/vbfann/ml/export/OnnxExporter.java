package org.vbfann.ml.export;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.vbfann.ml.Activation;
import org.vbfann.ml.ActivationLayer;
import org.vbfann.ml.BatchNormLayer;
import org.vbfann.ml.DenseLayer;
import org.vbfann.ml.DropoutLayer;
import org.vbfann.ml.Layer;
import org.vbfann.ml.Mlp;

/**
 * Writes a network as an ONNX model (float32, opset {@value #OPSET}, IR version {@value #IR_VERSION}): one
 * input {@code input} of shape [N, features] taking raw values, one output {@code output} of shape
 * [N, outputs]. The standardisation is a Sub and a Div, each dense layer a Gemm, a BatchNormalization its
 * folded scale and shift (Mul, Add), dropout nothing (identity at inference), and activations and the output
 * function their ONNX operators. Feature and output names are in the model's {@code metadata_props}
 * ({@code features}, {@code outputs}, comma-separated) and its doc string.
 *
 * <p>Messages are encoded by hand; field numbers are those of {@code onnx/onnx.proto} (ONNX IR 7).
 */
public final class OnnxExporter {
    /** The operator set the graph uses (Gemm-13, Softmax-13 with an axis attribute). */
    public static final int OPSET = 13;
    /** ONNX IR version 7 (onnx.proto {@code IR_VERSION_2020_5_8}), the one that goes with opset 13. */
    public static final int IR_VERSION = 7;
    /** Name of the graph input. */
    public static final String INPUT = "input";
    /** Name of the graph output. */
    public static final String OUTPUT = "output";

    // onnx.proto ModelProto
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_PRODUCER_VERSION = 3;
    private static final int MODEL_DOC_STRING = 6;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int MODEL_METADATA_PROPS = 14;
    // OperatorSetIdProto
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;
    // StringStringEntryProto
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    // AttributeProto and its AttributeType values FLOAT = 1, INT = 2
    private static final int ATTR_NAME = 1;
    private static final int ATTR_F = 2;
    private static final int ATTR_I = 3;
    private static final int ATTR_TYPE = 20;
    private static final int ATTR_TYPE_FLOAT = 1;
    private static final int ATTR_TYPE_INT = 2;
    // TensorProto and DataType FLOAT = 1
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int DATA_TYPE_FLOAT = 1;
    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto, TensorShapeProto.Dimension
    private static final int VALUE_INFO_NAME = 1;
    private static final int VALUE_INFO_TYPE = 2;
    private static final int TYPE_TENSOR_TYPE = 1;
    private static final int TENSOR_TYPE_ELEM_TYPE = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    private static final ProtoMessage[] NO_ATTRIBUTES = {};

    private OnnxExporter() {
    }

    /** The serialized ONNX model of {@code net}; {@code producerVersion} goes into the file's producer field. */
    public static byte[] export(Mlp net, String producerVersion) {
        Graph g = new Graph();
        String x = INPUT;
        if (!net.scaling().isIdentity()) {
            int n = net.inputs();
            float[] mean = new float[n];
            float[] scale = new float[n];
            for (int j = 0; j < n; j++) {
                mean[j] = (float) net.scaling().mean(j);
                scale[j] = (float) net.scaling().scale(j);
            }
            x = g.node("Sub", "standardize_sub", x, g.constant("scaling_mean", mean, n));
            x = g.node("Div", "standardize_div", x, g.constant("scaling_scale", scale, n));
        }
        for (int k = 0; k < net.layers().size(); k++) {
            x = layer(g, net, k, x);
        }
        switch (net.output()) {
            case SIGMOID -> g.node("Sigmoid", "output_sigmoid", OUTPUT, NO_ATTRIBUTES, x);
            case SOFTMAX -> g.node("Softmax", "output_softmax", OUTPUT, new ProtoMessage[] {intAttribute("axis", 1)}, x);
            default -> g.node("Identity", "output_identity", OUTPUT, NO_ATTRIBUTES, x);
        }

        ProtoMessage graph = new ProtoMessage();
        for (ProtoMessage node : g.nodes) {
            graph.message(GRAPH_NODE, node);
        }
        graph.string(GRAPH_NAME, "vbfann_mlp");
        for (ProtoMessage t : g.initializers) {
            graph.message(GRAPH_INITIALIZER, t);
        }
        graph.message(GRAPH_INPUT, valueInfo(INPUT, net.inputs()));
        graph.message(GRAPH_OUTPUT, valueInfo(OUTPUT, net.outputs()));

        ProtoMessage model = new ProtoMessage();
        model.int64(MODEL_IR_VERSION, IR_VERSION);
        model.string(MODEL_PRODUCER_NAME, "vbfann");
        model.string(MODEL_PRODUCER_VERSION, producerVersion);
        model.string(MODEL_DOC_STRING, "inputs (raw, standardised inside): " + String.join(", ", net.features())
                + "; outputs: " + String.join(", ", net.outputNames()) + " (" + net.output().id() + ")");
        model.message(MODEL_GRAPH, graph);
        model.message(MODEL_OPSET_IMPORT, new ProtoMessage().string(OPSET_DOMAIN, "").int64(OPSET_VERSION, OPSET));
        model.message(MODEL_METADATA_PROPS, new ProtoMessage().string(ENTRY_KEY, "features")
                .string(ENTRY_VALUE, String.join(",", net.features())));
        model.message(MODEL_METADATA_PROPS, new ProtoMessage().string(ENTRY_KEY, "outputs")
                .string(ENTRY_VALUE, String.join(",", net.outputNames())));
        return model.toByteArray();
    }

    private static String layer(Graph g, Mlp net, int k, String x) {
        Layer l = net.layers().get(k);
        String id = "l" + k + "_" + l.name();
        if (l instanceof DenseLayer d) {
            int in = d.inputs();
            int units = d.outputs();
            float[] w = new float[in * units];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) net.parameter(k, i);
            }
            float[] b = new float[units];
            for (int u = 0; u < units; u++) {
                b[u] = (float) net.parameter(k, d.biasOffset() + u);
            }
            return g.node("Gemm", id, x, g.constant(id + "_kernel", w, in, units), g.constant(id + "_bias", b, units));
        }
        if (l instanceof BatchNormLayer bn) {
            int n = bn.outputs();
            float[] a = new float[n];
            float[] c = new float[n];
            for (int j = 0; j < n; j++) {
                double s = net.parameter(k, bn.gammaOffset() + j)
                        / Math.sqrt(net.parameter(k, bn.varianceOffset() + j) + bn.epsilon());
                a[j] = (float) s;
                c[j] = (float) (net.parameter(k, bn.betaOffset() + j) - s * net.parameter(k, bn.meanOffset() + j));
            }
            String scaled = g.node("Mul", id + "_scale", x, g.constant(id + "_a", a, n));
            return g.node("Add", id + "_shift", scaled, g.constant(id + "_c", c, n));
        }
        if (l instanceof DropoutLayer) {
            return x;
        }
        ActivationLayer act = (ActivationLayer) l;
        switch (act.function()) {
            case RELU:
                return g.node("Relu", id, x);
            case SELU:
                return g.node("Selu", id, id + "_out", new ProtoMessage[] {
                    floatAttribute("alpha", (float) Activation.SELU_ALPHA),
                    floatAttribute("gamma", (float) Activation.SELU_SCALE)}, x);
            case ELU:
                return g.node("Elu", id, id + "_out", new ProtoMessage[] {floatAttribute("alpha", 1.0f)}, x);
            case TANH:
                return g.node("Tanh", id, x);
            case SIGMOID:
                return g.node("Sigmoid", id, x);
            case LINEAR:
                return x;
            default:
                throw new AssertionError(act.function());
        }
    }

    private static ProtoMessage floatAttribute(String name, float v) {
        return new ProtoMessage().string(ATTR_NAME, name).float32(ATTR_F, v).int32(ATTR_TYPE, ATTR_TYPE_FLOAT);
    }

    private static ProtoMessage intAttribute(String name, long v) {
        return new ProtoMessage().string(ATTR_NAME, name).int64(ATTR_I, v).int32(ATTR_TYPE, ATTR_TYPE_INT);
    }

    private static ProtoMessage valueInfo(String name, int width) {
        ProtoMessage shape = new ProtoMessage()
                .message(SHAPE_DIM, new ProtoMessage().string(DIM_PARAM, "N"))
                .message(SHAPE_DIM, new ProtoMessage().int64(DIM_VALUE, width));
        ProtoMessage tensor = new ProtoMessage().int32(TENSOR_TYPE_ELEM_TYPE, DATA_TYPE_FLOAT)
                .message(TENSOR_TYPE_SHAPE, shape);
        return new ProtoMessage().string(VALUE_INFO_NAME, name)
                .message(VALUE_INFO_TYPE, new ProtoMessage().message(TYPE_TENSOR_TYPE, tensor));
    }

    /** Nodes and initializers in graph order. */
    private static final class Graph {
        final List<ProtoMessage> nodes = new ArrayList<>();
        final List<ProtoMessage> initializers = new ArrayList<>();

        /** A node without attributes whose output is named after it. */
        String node(String op, String name, String... inputs) {
            return node(op, name, name + "_out", NO_ATTRIBUTES, inputs);
        }

        String node(String op, String name, String output, ProtoMessage[] attributes, String... inputs) {
            ProtoMessage node = new ProtoMessage();
            for (String in : inputs) {
                node.string(NODE_INPUT, in);
            }
            node.string(NODE_OUTPUT, output);
            node.string(NODE_NAME, name);
            node.string(NODE_OP_TYPE, op);
            for (ProtoMessage a : attributes) {
                node.message(NODE_ATTRIBUTE, a);
            }
            nodes.add(node);
            return output;
        }

        String constant(String name, float[] values, int... dims) {
            ProtoMessage t = new ProtoMessage();
            for (int d : dims) {
                t.int64(TENSOR_DIMS, d);
            }
            t.int32(TENSOR_DATA_TYPE, DATA_TYPE_FLOAT);
            t.string(TENSOR_NAME, name);
            ByteBuffer buf = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                buf.putFloat(v);
            }
            t.bytes(TENSOR_RAW_DATA, buf.array());
            initializers.add(t);
            return name;
        }
    }
}
