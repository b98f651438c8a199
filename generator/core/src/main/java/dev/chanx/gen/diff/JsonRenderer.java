package dev.chanx.gen.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Renders a report as the stable JSON document that docs/reference/diff.md describes (format
 * {@code chanx-diff/1}): fields in a fixed order, two-space indent, {@code \n} line ends.
 */
public final class JsonRenderer {

  /** The value of the document's {@code format} field; changes when a field changes meaning or goes. */
  public static final String FORMAT = "chanx-diff/1";

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonRenderer() {}

  /** {@return the report as JSON text ending in a newline} */
  public static String render(DiffReport report, Set<Audience> failOn) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("old", report.oldFile());
    root.put("new", report.newFile());
    root.put("role", report.role().id());
    ArrayNode fail = root.putArray("failOn");
    for (Audience a : Audience.values()) {
      if (failOn.contains(a)) {
        fail.add(a.id());
      }
    }
    root.put("failed", report.fails(failOn));
    ObjectNode summary = root.putObject("summary");
    summary.put("changes", report.changes().size());
    summary.put("safe", report.changes().stream().filter(c -> c.verdict().isSafe()).count());
    for (Audience a : Audience.values()) {
      summary.put(a.id(), report.count(a));
    }
    ArrayNode changes = root.putArray("changes");
    for (Change c : report.changes()) {
      ObjectNode change = changes.addObject();
      change.put("kind", c.kind());
      change.put("channel", c.channel());
      ArrayNode breaks = change.putArray("breaks");
      c.verdict().breaks().forEach(a -> breaks.add(a.id()));
      place(change, "old", c.oldPlace());
      place(change, "new", c.newPlace());
      change.put("what", c.what());
      change.put("why", c.why());
    }
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void place(ObjectNode change, String field, Place place) {
    if (place == null) {
      change.putNull(field);
      return;
    }
    ObjectNode node = change.putObject(field);
    node.put("file", place.file());
    node.put("pointer", place.pointer());
    node.put("line", place.line());
  }
}
