package dev.chanx.gen.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses one YAML or JSON file into a tree while recording the line of every pointer. The tree
 * is built from the parser's tokens, not with {@code readTree}, because only the tokens know
 * their lines (and because {@code readTree} leaves YAML aliases unexpanded).
 */
final class YamlSource {

  private static final JsonFactory JSON = new JsonFactory();
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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
    try {
      return doc(yaml ? YAML : JSON, text, path, name, isRoot);
    } catch (JsonProcessingException e) {
      if (!yaml) {
        // The official parser reads JSON as YAML, which allows what JSON does not (a trailing
        // comma, comments); accept what it accepts, but name JSON's error when both fail.
        try {
          return doc(YAML, text, path, name, isRoot);
        } catch (JsonProcessingException | SyntaxError ignored) {
          // fall through to JSON's own message
        }
      }
      throw syntaxError(e, yaml);
    }
  }

  private static SourceDoc doc(JsonFactory factory, String text, Path path, String name, boolean isRoot)
      throws IOException, SyntaxError {
    SourceMap lines = new SourceMap();
    lines.put("", 1);
    try (JsonParser parser = factory.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new SyntaxError("the file is empty", 1);
      }
      return new SourceDoc(name, path, new TreeBuilder(parser, lines).value(""), lines, isRoot);
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

  /** The most values YAML aliases may add to a document when expanded. */
  static final long MAX_EXPANDED_NODES = 1_000_000;

  /** Builds the tree from the tokens, recording lines and expanding YAML anchors and aliases. */
  private static final class TreeBuilder {
    private final JsonParser p;
    private final SourceMap lines;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final Map<String, Long> anchorSizes = new HashMap<>();
    private long expandedNodes;

    private static long size(JsonNode node) {
      long n = 1;
      for (JsonNode child : node) {
        n += size(child);
        if (n > MAX_EXPANDED_NODES) {
          return n;
        }
      }
      return n;
    }

    TreeBuilder(JsonParser p, SourceMap lines) {
      this.p = p;
      this.lines = lines;
    }

    JsonNode value(String pointer) throws IOException, SyntaxError {
      YAMLParser yaml = p instanceof YAMLParser y ? y : null;
      if (yaml != null && yaml.isCurrentAlias()) {
        JsonNode target = anchors.get(p.getText());
        if (target == null) {
          throw new SyntaxError("YAML alias '*" + p.getText() + "' names no anchor", p.currentTokenLocation().getLineNr());
        }
        // Aliases of aliases grow exponentially ("billion laughs"): cap what expanding may cost.
        expandedNodes += anchorSizes.get(p.getText());
        if (expandedNodes > MAX_EXPANDED_NODES) {
          throw new SyntaxError("YAML aliases expand to more than " + MAX_EXPANDED_NODES
              + " values; write the repeated parts out or use $ref", p.currentTokenLocation().getLineNr());
        }
        return target.deepCopy();
      }
      String anchor = yaml == null ? null : yaml.getObjectId();
      JsonNode node = plainValue(pointer, yaml != null);
      if (anchor != null) {
        anchors.put(anchor, node);
        anchorSizes.put(anchor, size(node));
      }
      return node;
    }

    private JsonNode plainValue(String pointer, boolean yaml) throws IOException, SyntaxError {
      switch (p.currentToken()) {
        case START_OBJECT:
          return object(pointer, yaml);
        case START_ARRAY: {
          ArrayNode array = NODES.arrayNode();
          for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            String child = pointer + "/" + i;
            lines.put(child, p.currentTokenLocation().getLineNr());
            array.add(value(child));
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
            // Exact, as written: 10.50 stays 10.50, and 0.01 never becomes a binary fraction.
            return DecimalNode.valueOf(p.getDecimalValue());
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

    private ObjectNode object(String pointer, boolean yaml) throws IOException, SyntaxError {
      ObjectNode object = NODES.objectNode();
      Set<String> merged = new HashSet<>(); // keys from "<<: *base", which the object's own keys override
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        int line = p.currentTokenLocation().getLineNr();
        String child = Pointer.append(pointer, field);
        p.nextToken();
        if (yaml && field.equals("<<")) {
          JsonNode base = value(child);
          for (JsonNode part : base.isArray() ? base : List.of(base)) {
            part.fields().forEachRemaining(e -> {
              if (!object.has(e.getKey())) {
                object.set(e.getKey(), e.getValue());
                merged.add(e.getKey());
              }
            });
          }
          continue;
        }
        if (object.has(field) && !merged.remove(field)) {
          // Jackson keeps the last value silently; the official parser refuses the document.
          throw new SyntaxError("duplicate key '" + field + "'", line);
        }
        lines.put(child, line);
        object.set(field, value(child));
      }
      return object;
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
