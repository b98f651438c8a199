package dev.chanx.core.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/** What generated writers call for values they cannot write with one generator call. */
public final class Write {

  private Write() {}

  /**
   * Writes a JSON tree. Unlike {@code JsonGenerator.writeTree} it needs no {@code ObjectCodec},
   * so it works with any generator.
   *
   * @param out the generator to write to
   * @param node the tree to write
   * @throws IOException when the generator fails to write
   */
  public static void tree(JsonGenerator out, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          out.writeFieldName(field.getKey());
          tree(out, field.getValue());
        }
        out.writeEndObject();
      }
      case ARRAY -> {
        out.writeStartArray();
        for (JsonNode element : node) {
          tree(out, element);
        }
        out.writeEndArray();
      }
      case STRING -> out.writeString(node.textValue());
      case BOOLEAN -> out.writeBoolean(node.booleanValue());
      case NUMBER -> writeNumber(out, node);
      case NULL, MISSING -> out.writeNull();
      default -> out.writeString(node.asText());
    }
  }

  private static void writeNumber(JsonGenerator out, JsonNode node) throws IOException {
    if (node.isInt()) {
      out.writeNumber(node.intValue());
    } else if (node.isLong()) {
      out.writeNumber(node.longValue());
    } else if (node.isBigInteger()) {
      out.writeNumber(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      out.writeNumber(node.decimalValue());
    } else {
      out.writeNumber(node.doubleValue());
    }
  }
}
