package org.vbfann.ml.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.vbfann.ml.ModelFormatException;

/**
 * Typed access to fields of a JSON document with errors that name the file and the JSON path, e.g.
 * {@code model.json: layers[2].units: expected an integer, found "36a"}.
 */
final class JsonFields {
    private final String file;

    JsonFields(String file) {
        this.file = file;
    }

    ModelFormatException error(String path, String what) {
        return new ModelFormatException(file + ": " + path + ": " + what);
    }

    JsonNode field(JsonNode obj, String path, String name) {
        if (obj == null || !obj.isObject()) {
            throw error(path, "expected an object, found " + describe(obj));
        }
        JsonNode v = obj.get(name);
        if (v == null || v.isNull()) {
            throw error(path, "missing field '" + name + "'");
        }
        return v;
    }

    String text(JsonNode obj, String path, String name) {
        JsonNode v = field(obj, path, name);
        if (!v.isTextual()) {
            throw error(path + "." + name, "expected a string, found " + describe(v));
        }
        return v.asText();
    }

    int integer(JsonNode obj, String path, String name) {
        JsonNode v = field(obj, path, name);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw error(path + "." + name, "expected an integer, found " + describe(v));
        }
        return v.intValue();
    }

    double number(JsonNode obj, String path, String name) {
        JsonNode v = field(obj, path, name);
        if (!v.isNumber()) {
            throw error(path + "." + name, "expected a number, found " + describe(v));
        }
        return v.doubleValue();
    }

    boolean bool(JsonNode obj, String path, String name) {
        JsonNode v = field(obj, path, name);
        if (!v.isBoolean()) {
            throw error(path + "." + name, "expected true or false, found " + describe(v));
        }
        return v.booleanValue();
    }

    /** An array of exactly {@code length} finite numbers ({@code length < 0}: any length). */
    double[] numbers(JsonNode obj, String path, String name, int length) {
        return numbers(field(obj, path, name), path + "." + name, length);
    }

    double[] numbers(JsonNode v, String path, int length) {
        if (!v.isArray()) {
            throw error(path, "expected an array of numbers, found " + describe(v));
        }
        if (length >= 0 && v.size() != length) {
            throw error(path, "has " + v.size() + " values, expected " + length);
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || !Double.isFinite(e.doubleValue())) {
                throw error(path + "[" + i + "]", "expected a finite number, found " + describe(e));
            }
            out[i] = e.doubleValue();
        }
        return out;
    }

    String[] strings(JsonNode obj, String path, String name) {
        JsonNode v = field(obj, path, name);
        if (!v.isArray()) {
            throw error(path + "." + name, "expected an array of strings, found " + describe(v));
        }
        String[] out = new String[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isTextual()) {
                throw error(path + "." + name + "[" + i + "]", "expected a string, found " + describe(v.get(i)));
            }
            out[i] = v.get(i).asText();
        }
        return out;
    }

    static String describe(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return "nothing";
        }
        String s = v.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
