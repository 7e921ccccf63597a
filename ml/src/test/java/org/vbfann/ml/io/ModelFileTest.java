package org.vbfann.ml.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vbfann.ml.MlpTest;
import org.vbfann.ml.Mlp;
import org.vbfann.ml.ModelFormatException;
import org.vbfann.ml.TrainingConfig;

class ModelFileTest {
    @Test
    void roundTripKeepsEveryDoubleAndRecord(@TempDir Path dir) throws Exception {
        Mlp m = MlpTest.small();
        ModelFile file = ModelFile.of(m);
        file.metrics().put("auc", 0.8123456789012345);
        file.training().put("source", "test");
        Path written = ModelWriter.write(file, dir.resolve("model"));
        assertEquals(dir.resolve("model/model.json"), written);
        try (var files = Files.list(dir.resolve("model"))) {
            assertEquals(1, files.count(), "no temporary file left");
        }
        ModelFile back = ModelReader.read(dir.resolve("model"));
        assertArrayEquals(m.parameters(), back.model().parameters(), 0.0);
        assertEquals(m.summary(), back.model().summary());
        assertEquals(0.8123456789012345, back.metrics().get("auc").doubleValue());
        assertEquals("test", back.training().get("source").asText());
        assertEquals(m.scaling().scale(1), back.model().scaling().scale(1));
    }

    @Test
    void trainingRecordNamesEverySetting() {
        TrainingConfig c = TrainingConfig.builder().hiddenLayers(36, 18, 9).build();
        var h = org.vbfann.ml.Trainer.train(c.toBuilder().maxEpochs(1).build(), tiny(), tiny(),
                org.vbfann.ml.TrainingListener.NONE).history();
        ObjectNode r = ModelWriter.trainingRecord(c, h);
        assertEquals("[36,18,9]", r.get("hiddenLayers").toString());
        assertEquals("adam", r.get("optimizer").asText());
        assertEquals("abs", r.get("negativeWeights").asText());
        assertEquals(1, r.get("bestEpoch").asInt());
    }

    private static org.vbfann.ml.TrainingSet tiny() {
        return new org.vbfann.ml.TrainingSet(List.of("a"), new float[] {0, 1, 2, 3}, new int[] {0, 1, 0, 1},
                List.of("b", "s"), new double[] {1, 1, 1, 1}, new int[4], List.of("p"), null);
    }

    /** Each corruption of a valid file, and the message that names it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"formatVersion\":1|\"formatVersion\":2|m.json: $.formatVersion: is 2; this vbfann reads versions 1 to 1 (the model was written by a newer vbfann)",
        "\"format\":\"vbfann-model\"|\"format\":\"keras\"|m.json: $.format: is 'keras', expected 'vbfann-model' (not a vbfann model file)",
        "\"units\":3|\"units\":4|m.json: $.layers[4] (dense 'out').kernel[0]: has 3 values, expected 4",
        "\"function\":\"selu\"|\"function\":\"swish\"|m.json: $.layers[2] (activation 'act').function: unknown activation 'swish'; known: relu, selu, elu, tanh, sigmoid, linear, softmax",
        "\"type\":\"dropout\"|\"type\":\"conv2d\"|m.json: $.layers[3] (conv2d 'drop').type: unknown layer type 'conv2d'; known: dense, activation, batchnorm, dropout",
        "\"epsilon\"|\"eps\"|m.json: $.layers[1] (batchnorm 'bn'): missing field 'epsilon'",
        "\"names\":[\"a\",\"b\",\"c\"]|\"names\":[\"a\",\"b\"]|m.json: $.output.names: has 2 names but the last layer gives 3 outputs",
        "\"inputs\":2|\"inputs\":\"2\"|m.json: $.layers[0] (dense 'dense').inputs: expected an integer, found \"2\"",
    })
    void corruptFilesNameTheField(String from, String to, String message) {
        String good = ModelWriter.toJson(ModelFile.of(MlpTest.small())).toString();
        assertTrue(good.contains(from), from);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelReader.parse(good.replaceFirst(java.util.regex.Pattern.quote(from), to), "m.json"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void truncatedFileSaysWhere() {
        String good = ModelWriter.toJson(ModelFile.of(MlpTest.small())).toPrettyString();
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelReader.parse(good.substring(0, 200), "m.json"));
        assertTrue(e.getMessage().startsWith("m.json: not valid JSON at line "), e.getMessage());
    }

    @Test
    void kernelOfWrongShapeIsNamed() {
        ObjectNode doc = ModelWriter.toJson(ModelFile.of(MlpTest.small()));
        ((com.fasterxml.jackson.databind.node.ArrayNode) doc.get("layers").get(0).get("kernel")).remove(1);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelReader.parse(doc.toString(), "m.json"));
        assertEquals("m.json: $.layers[0] (dense 'dense').kernel: expected 2 rows (one per input) of 2 values, found 1 rows",
                e.getMessage());
    }
}
