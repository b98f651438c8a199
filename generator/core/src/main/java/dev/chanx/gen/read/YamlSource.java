package dev.chanx.gen.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses one YAML or JSON file into a tree while recording the line of every pointer. The tree
 * is built from the parser's tokens, not with {@code readTree}, because only the tokens know
 * their lines.
 */
final class YamlSource {

  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();
  // Exact decimals: a "multipleOf: 0.01" must not become 0.01000000000000000020816681711721685.
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private YamlSource() {}

  /** A file that could not be parsed: a short message and the line it points at (0 if none). */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    SyntaxError(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  static SourceDoc parse(Path path, String name, boolean isRoot) throws IOException, SyntaxError {
    String text = Files.readString(path, StandardCharsets.UTF_8);
    boolean yaml = isYaml(path, text);
    SourceMap lines = new SourceMap();
    lines.put("", 1);
    try (JsonParser parser = (yaml ? YAML : JSON).createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new SyntaxError("the file is empty", 1);
      }
      JsonNode root = value(parser, "", lines);
      return new SourceDoc(name, path, root, lines, isRoot);
    } catch (JsonProcessingException e) {
      throw syntaxError(e, yaml);
    }
  }

  /** By extension; an unknown extension is sniffed, since JSON always starts with { or [. */
  private static boolean isYaml(Path path, String text) {
    String file = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (file.endsWith(".yaml") || file.endsWith(".yml")) {
      return true;
    }
    if (file.endsWith(".json")) {
      return false;
    }
    String start = text.stripLeading();
    return !(start.startsWith("{") || start.startsWith("["));
  }

  private static JsonNode value(JsonParser p, String pointer, SourceMap lines) throws IOException, SyntaxError {
    switch (p.currentToken()) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          int line = p.currentTokenLocation().getLineNr();
          if (object.has(field)) {
            // Jackson keeps the last value silently; the official parser refuses the document.
            throw new SyntaxError("duplicate key '" + field + "'", line);
          }
          String child = Pointer.append(pointer, field);
          lines.put(child, line);
          p.nextToken();
          object.set(field, value(p, child, lines));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
          String child = pointer + "/" + i;
          lines.put(child, p.currentTokenLocation().getLineNr());
          array.add(value(p, child, lines));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT: return NODES.numberNode(p.getIntValue());
          case LONG: return NODES.numberNode(p.getLongValue());
          default: return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        try {
          return NODES.numberNode(p.getDecimalValue());
        } catch (NumberFormatException | JsonProcessingException e) {
          return NODES.numberNode(p.getDoubleValue()); // .inf and .nan have no decimal form
        }
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        return NODES.textNode(p.getText());
    }
  }

  /** The parser's own words without Jackson's source dump, and the line it points at. */
  private static SyntaxError syntaxError(JsonProcessingException e, boolean yaml) {
    if (e.getCause() instanceof MarkedYAMLException m) {
      String problem = m.getProblem() == null ? m.getContext() : m.getProblem();
      int line = m.getProblemMark() != null ? m.getProblemMark().getLine() + 1
          : m.getContextMark() != null ? m.getContextMark().getLine() + 1 : 0;
      return new SyntaxError("YAML syntax error: " + oneLine(problem), line);
    }
    int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
    String message = e.getOriginalMessage();
    int source = message.indexOf(" at [Source:");
    if (source >= 0) {
      message = message.substring(0, source);
    }
    message = message.replaceAll(" \\(code \\d+\\)", ""); // "('}' (code 125))" says the same twice
    return new SyntaxError((yaml ? "YAML" : "JSON") + " syntax error: " + oneLine(message), line);
  }

  private static String oneLine(String s) {
    String flat = s.replaceAll("\\s*\\n\\s*", " ").strip();
    return flat.endsWith(".") ? flat.substring(0, flat.length() - 1) : flat;
  }
}
