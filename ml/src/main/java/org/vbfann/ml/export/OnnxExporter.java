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
 * Writes a network as an ONNX model (opset {@value #OPSET}, IR version {@value #IR_VERSION}): one float32
 * input {@code input} of shape [N, features] taking raw values, one float32 output {@code output} of shape
 * [N, outputs]. Inside, the input is cast to float64 and every weight and operation is float64, then the
 * output is cast back: float32 arithmetic would lose the relative precision of small probabilities (a
 * softmax tail of 1e-19 from logits ~40 apart carries a relative error ~1e-5 in float32), while the cost of
 * double arithmetic is negligible for networks of this size. The standardisation is a Sub and a Div, each dense layer a Gemm, a BatchNormalization its
 * folded scale and shift (Mul, Add), dropout nothing (identity at inference), activations and the output
 * function their ONNX operators (ELU and SELU composed of Relu, Min, Exp, since ONNX Runtime has them in
 * float32 only). Feature and output names are in the model's {@code metadata_props}
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
    // AttributeProto and its AttributeType value INT = 2
    private static final int ATTR_NAME = 1;
    private static final int ATTR_I = 3;
    private static final int ATTR_TYPE = 20;
    private static final int ATTR_TYPE_INT = 2;
    // TensorProto and DataType FLOAT = 1, DOUBLE = 11
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int DATA_TYPE_FLOAT = 1;
    private static final int DATA_TYPE_DOUBLE = 11;
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
        String x = g.node("Cast", "input_to_double", "input_double",
                new ProtoMessage[] {intAttribute("to", DATA_TYPE_DOUBLE)}, INPUT);
        if (!net.scaling().isIdentity()) {
            int n = net.inputs();
            double[] mean = new double[n];
            double[] scale = new double[n];
            for (int j = 0; j < n; j++) {
                mean[j] = net.scaling().mean(j);
                scale[j] = net.scaling().scale(j);
            }
            x = g.node("Sub", "standardize_sub", x, g.constant("scaling_mean", mean, n));
            x = g.node("Div", "standardize_div", x, g.constant("scaling_scale", scale, n));
        }
        for (int k = 0; k < net.layers().size(); k++) {
            x = layer(g, net, k, x);
        }
        switch (net.output()) {
            case SIGMOID -> x = g.node("Sigmoid", "output_sigmoid", x);
            case SOFTMAX -> x = g.node("Softmax", "output_softmax", "output_softmax_out",
                    new ProtoMessage[] {intAttribute("axis", 1)}, x);
            default -> { }
        }
        g.node("Cast", "output_to_float", OUTPUT, new ProtoMessage[] {intAttribute("to", DATA_TYPE_FLOAT)}, x);

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
            double[] w = new double[in * units];
            for (int i = 0; i < w.length; i++) {
                w[i] = net.parameter(k, i);
            }
            double[] b = new double[units];
            for (int u = 0; u < units; u++) {
                b[u] = net.parameter(k, d.biasOffset() + u);
            }
            return g.node("Gemm", id, x, g.constant(id + "_kernel", w, in, units), g.constant(id + "_bias", b, units));
        }
        if (l instanceof BatchNormLayer bn) {
            int n = bn.outputs();
            double[] a = new double[n];
            double[] c = new double[n];
            for (int j = 0; j < n; j++) {
                double s = net.parameter(k, bn.gammaOffset() + j)
                        / Math.sqrt(net.parameter(k, bn.varianceOffset() + j) + bn.epsilon());
                a[j] = s;
                c[j] = net.parameter(k, bn.betaOffset() + j) - s * net.parameter(k, bn.meanOffset() + j);
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
            case SELU: {
                // ONNX Runtime's Selu and Elu kernels are float32 only; composed from double-capable operators:
                // selu(x) = λ relu(x) + λα (e^min(x,0) − 1).
                String pos = g.node("Mul", id + "_pos", g.node("Relu", id + "_relu", x),
                        g.constant(id + "_lambda", new double[] {Activation.SELU_SCALE}, 1));
                String neg = g.node("Mul", id + "_neg", negativePart(g, id, x),
                        g.constant(id + "_lambda_alpha", new double[] {Activation.SELU_SCALE * Activation.SELU_ALPHA}, 1));
                return g.node("Add", id, pos, neg);
            }
            case ELU:
                // elu(x) = relu(x) + e^min(x,0) − 1 (α = 1).
                return g.node("Add", id, g.node("Relu", id + "_relu", x), negativePart(g, id, x));
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

    /** {@code e^min(x, 0) − 1}, the negative branch of ELU and SELU. */
    private static String negativePart(Graph g, String id, String x) {
        String min = g.node("Min", id + "_min", x, g.constant(id + "_zero", new double[] {0.0}, 1));
        return g.node("Sub", id + "_expm1", g.node("Exp", id + "_exp", min),
                g.constant(id + "_one", new double[] {1.0}, 1));
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

        String constant(String name, double[] values, int... dims) {
            ProtoMessage t = new ProtoMessage();
            for (int d : dims) {
                t.int64(TENSOR_DIMS, d);
            }
            t.int32(TENSOR_DATA_TYPE, DATA_TYPE_DOUBLE);
            t.string(TENSOR_NAME, name);
            // raw_data: fixed-width little-endian IEEE 754, as onnx.proto requires.
            ByteBuffer buf = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (double v : values) {
                buf.putDouble(v);
            }
            t.bytes(TENSOR_RAW_DATA, buf.array());
            initializers.add(t);
            return name;
        }
    }
}
