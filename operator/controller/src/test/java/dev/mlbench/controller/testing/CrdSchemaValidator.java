package dev.mlbench.controller.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelOptions;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

/**
 * Validates an object against a CRD's structural schema and its CEL rules the way the API server does: defaults
 * first, then types, enums, patterns, bounds, required fields and x-kubernetes-validations (evaluated with the
 * CEL reference library). It stands in for a real API server, which cannot run on this machine.
 */
public final class CrdSchemaValidator {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode schema;
  private final Cel cel = CelFactory.standardCelBuilder()
      .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("self", SimpleType.DYN)
      .build();

  public CrdSchemaValidator(Path crd) {
    try {
      this.schema = YAML.readTree(Files.readString(crd)).at("/spec/versions/0/schema/openAPIV3Schema");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems the API server would report for this object; empty when it would be accepted. */
  public List<String> validate(JsonNode object) {
    JsonNode copy = withDefaults(object);
    List<String> problems = new ArrayList<>();
    check(schema, copy, "", problems);
    return problems;
  }

  /** A copy of the object with the CRD's defaults applied, as the API server stores it. */
  public JsonNode withDefaults(JsonNode object) {
    JsonNode copy = object.deepCopy();
    applyDefaults(schema, copy);
    return copy;
  }

  /** Structural defaulting: a missing property with a default gets it, then its own properties are defaulted. */
  static void applyDefaults(JsonNode schema, JsonNode value) {
    if (value == null || schema == null) {
      return;
    }
    if (value.isObject() && schema.has("properties")) {
      ObjectNode object = (ObjectNode) value;
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext();) {
        var property = it.next();
        if (!object.has(property.getKey()) && property.getValue().has("default")) {
          object.set(property.getKey(), property.getValue().get("default").deepCopy());
        }
        applyDefaults(property.getValue(), object.get(property.getKey()));
      }
    } else if (value.isArray() && schema.has("items")) {
      value.forEach(item -> applyDefaults(schema.get("items"), item));
    } else if (value.isObject() && schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
      value.forEach(item -> applyDefaults(schema.get("additionalProperties"), item));
    }
  }

  private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
    if (value == null || value.isMissingNode()) {
      return;
    }
    String where = path.isEmpty() ? "<root>" : path;
    String type = schema.path("type").asText("");
    boolean typeOk = switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "integer" -> value.isIntegralNumber();
      case "number" -> value.isNumber();
      case "boolean" -> value.isBoolean();
      default -> true;
    };
    if (!typeOk) {
      problems.add(where + ": must be of type " + type);
      return;
    }
    if (schema.has("enum")) {
      boolean known = false;
      for (JsonNode option : schema.get("enum")) {
        known |= option.equals(value);
      }
      if (!known) {
        problems.add(where + ": unsupported value " + value + ", must be one of " + schema.get("enum"));
      }
    }
    if (value.isTextual()) {
      String text = value.asText();
      if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
        problems.add(where + ": must match " + schema.get("pattern").asText());
      }
      if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
        problems.add(where + ": may not be longer than " + schema.get("maxLength").asInt());
      }
      if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
        problems.add(where + ": must be at least " + schema.get("minLength").asInt() + " characters");
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        problems.add(where + ": must be greater than or equal to " + schema.get("minimum").asText());
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        problems.add(where + ": must be less than or equal to " + schema.get("maximum").asText());
      }
    }
    if (value.isArray() || value.isObject()) {
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
        problems.add(where + ": must have at most " + schema.get("maxItems").asInt() + " items");
      }
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
        problems.add(where + ": must have at least " + schema.get("minItems").asInt() + " items");
      }
    }
    if (value.isObject()) {
      schema.path("required").forEach(required -> {
        if (!value.has(required.asText())) {
          problems.add(where + "." + required.asText() + ": Required value");
        }
      });
      if (schema.has("properties")) {
        value.fields().forEachRemaining(field -> {
          JsonNode propertySchema = schema.get("properties").get(field.getKey());
          if (propertySchema != null) {
            check(propertySchema, field.getValue(), path + "." + field.getKey(), problems);
          }
        });
      } else if (schema.path("additionalProperties").isObject()) {
        value.fields().forEachRemaining(field ->
            check(schema.get("additionalProperties"), field.getValue(), path + "." + field.getKey(), problems));
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
      }
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String expression = rule.get("rule").asText();
      CelRuntime.Program program = compile(expression);
      try {
        if (!Boolean.TRUE.equals(program.eval(Map.of("self", toCel(value, schema))))) {
          problems.add(where + ": " + rule.path("message").asText(expression));
        }
      } catch (CelEvaluationException e) {
        // the API server rejects an object whose rule fails to evaluate, e.g. duration() of a malformed string
        problems.add(where + ": rule '" + expression + "' failed: " + e.getMessage());
      }
    }
  }

  private CelRuntime.Program compile(String rule) {
    try {
      return cel.createProgram(cel.compile(rule).getAst());
    } catch (Exception e) {
      throw new IllegalStateException("CEL rule '" + rule + "' does not compile: " + e.getMessage(), e);
    }
  }

  /** JSON to CEL values, typed by the schema: integers are int64, numbers are double even when written as 5. */
  static Object toCel(JsonNode value, JsonNode schema) {
    String type = schema == null ? "" : schema.path("type").asText("");
    if (value.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      value.fields().forEachRemaining(field -> {
        JsonNode fieldSchema = schema == null ? null
            : schema.has("properties") ? schema.get("properties").get(field.getKey())
                : schema.path("additionalProperties").isObject() ? schema.get("additionalProperties") : null;
        map.put(field.getKey(), toCel(field.getValue(), fieldSchema));
      });
      return map;
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      value.forEach(item -> list.add(toCel(item, schema == null ? null : schema.get("items"))));
      return list;
    }
    if (value.isNumber()) {
      if ("number".equals(type) || !value.isIntegralNumber()) {
        return value.asDouble();
      }
      return value.asLong();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.asText();
  }
}
