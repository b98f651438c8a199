package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.examples.QuickRead;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.Decoded;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official JSON Schema Test Suite (draft-07), read in place from {@code ../shared/corpus}: each
 * group's schema is the {@code payload} of a message and each case is sent as {@code {"action":
 * <group>, "payload": <data>}} through the generated dispatcher, on the tree path and, where it
 * takes the frame, the quick path. Every case must come out as the suite says, except groups the
 * generator refuses with a message (remote references, {@code $id} bases), which are counted.
 */
class JsonSchemaSuiteTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions",
      "dependencies");
  private static final Set<String> SCHEMA_LISTS = Set.of("items", "allOf", "anyOf", "oneOf");
  private static final Set<String> SCHEMAS = Set.of("additionalItems", "contains", "additionalProperties",
      "propertyNames", "if", "then", "else", "not");

  @TempDir Path work;

  /** One group of the suite: its schema and cases, with where it came from. */
  record Group(String name, String file, String description, JsonNode schema, JsonNode tests) {}

  @Test
  void draft7CasesComeOutAsTheSuiteSays() throws IOException {
    Score score = run("draft7");
    System.out.println("draft7 through generated dispatchers: " + score);
    assertTrue(score.wrong.isEmpty(), () -> score.wrong.size() + " wrong answers:\n" + String.join("\n", score.wrong));
    assertTrue(score.right > 850, () -> "too few cases ran: " + score);
  }

  @Test
  void formatCasesScoreAtLeastTheReferenceValidator() throws IOException {
    Score score = run("draft7-format");
    System.out.println("draft7-format through generated dispatchers: " + score + "\n  "
        + String.join("\n  ", score.wrong));
    // networknt's json-schema-validator answers 622 of the 676 right.
    assertTrue(score.right >= 622, () -> score + "\n" + String.join("\n", score.wrong));
  }

  private Score run(String folder) throws IOException {
    Path dir = SharedSpecs.corpus("jsonschema/" + folder);
    List<Group> groups = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode all = JSON.readTree(file.toFile());
        for (JsonNode g : all) {
          groups.add(new Group("g" + groups.size(), file.getFileName().toString(), g.path("description").asText(),
              g.get("schema"), g.get("tests")));
        }
      }
    }
    Score score = new Score();
    List<Group> accepted = new ArrayList<>();
    for (Group g : groups) {
      String refusal = refusal(List.of(g));
      if (refusal == null) {
        accepted.add(g);
      } else {
        score.refused.add(g.file + " / " + g.description + ": " + refusal);
        score.refusedCases += g.tests.size();
      }
    }
    Path document = write(accepted, "all");
    List<GeneratedFile> files;
    try {
      files = JavaGenerator.generate(SpecReader.read(document, null), "com.example");
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
    Dispatcher<?, ?, ?, ?> dispatcher = compiled(files);
    for (Group g : accepted) {
      for (JsonNode test : g.tests) {
        ObjectNode frame = JsonNodeFactory.instance.objectNode().put("action", g.name);
        frame.set("payload", test.get("data"));
        boolean expected = test.get("valid").asBoolean();
        Decoded<?> decoded = dispatcher.decode(frame);
        String text = frame.toString();
        QuickRead.Result quick = QuickRead.of(dispatcher, text);
        String where = g.file + " / " + g.description + " / " + test.path("description").asText() + ": " + text;
        if (decoded.isValid() != expected) {
          score.wrong.add((expected ? "valid refused " + decoded.errors() : "invalid accepted") + " -- " + where);
        } else if (quick != null && !expected) {
          score.wrong.add("invalid taken by the quick path -- " + where);
        } else if (quick != null && !decoded.value().equals(quick.message())) {
          score.wrong.add("the quick path built another value -- " + where);
        } else {
          score.right++;
          score.quick += quick != null ? 1 : 0;
        }
      }
    }
    return score;
  }

  /** Why the generator refuses the groups, or null when it generates them. */
  private String refusal(List<Group> groups) throws IOException {
    try {
      JavaGenerator.generate(SpecReader.read(write(groups, groups.get(0).name), null), "com.example");
      return null;
    } catch (SpecException e) {
      return e.getMessage();
    }
  }

  private Dispatcher<?, ?, ?, ?> compiled(List<GeneratedFile> files) {
    try {
      ClassLoader loader = InMemoryJavac.compile(files, work);
      Object route = Class.forName("com.example.suite.SuiteRoute", true, loader).getMethod("create").invoke(null);
      return ((dev.chanx.server.channel.ChannelRoute<?, ?, ?, ?>) route).dispatcher();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A document with one message per group on channel {@code suite}, each payload the group's schema. */
  private Path write(List<Group> groups, String name) throws IOException {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("asyncapi", "3.0.0");
    doc.putObject("info").put("title", "Suite").put("version", "1.0.0");
    ObjectNode channel = doc.putObject("channels").putObject("suite");
    channel.put("address", "/suite");
    ObjectNode channelMessages = channel.putObject("messages");
    ObjectNode receive = doc.putObject("operations").putObject("receive");
    receive.put("action", "receive").putObject("channel").put("$ref", "#/channels/suite");
    ArrayNode receiveMessages = receive.putArray("messages");
    ObjectNode components = doc.putObject("components");
    ObjectNode messages = components.putObject("messages");
    ObjectNode schemas = components.putObject("schemas");
    for (Group g : groups) {
      channelMessages.putObject(g.name).put("$ref", "#/components/messages/" + g.name);
      receiveMessages.addObject().put("$ref", "#/channels/suite/messages/" + g.name);
      ObjectNode payload = messages.putObject(g.name).putObject("payload");
      payload.put("type", "object").putArray("required").add("action").add("payload");
      ObjectNode properties = payload.putObject("properties");
      properties.putObject("action").put("const", g.name);
      properties.putObject("payload").put("$ref", "#/components/schemas/" + g.name);
      schemas.set(g.name, rebased(g.schema.deepCopy(), "#/components/schemas/" + g.name));
    }
    Path file = work.resolve(name + ".json");
    JSON.writeValue(file.toFile(), doc);
    return file;
  }

  /** The schema with its local references ({@code #...}) made relative to where it now stands. */
  private static JsonNode rebased(JsonNode schema, String base) {
    if (!schema.isObject()) {
      return schema;
    }
    ObjectNode object = (ObjectNode) schema;
    JsonNode ref = object.get("$ref");
    if (ref != null && ref.isTextual() && ref.asText().startsWith("#")) {
      object.put("$ref", base + ref.asText().substring(1));
    }
    object.fields().forEachRemaining(field -> {
      String keyword = field.getKey();
      JsonNode value = field.getValue();
      if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
        value.fields().forEachRemaining(member -> rebased(member.getValue(), base));
      } else if (SCHEMA_LISTS.contains(keyword) && value.isArray()) {
        value.forEach(member -> rebased(member, base));
      } else if (SCHEMA_LISTS.contains(keyword) || SCHEMAS.contains(keyword)) {
        rebased(value, base);
      }
    });
    return schema;
  }

  private static final class Score {
    int right;
    int quick;
    int refusedCases;
    final List<String> wrong = new ArrayList<>();
    final List<String> refused = new ArrayList<>();

    @Override
    public String toString() {
      return right + " right (" + quick + " on the quick path), " + wrong.size() + " wrong, " + refusedCases
          + " in " + refused.size() + " refused groups" + (refused.isEmpty() ? "" : ":\n  " + String.join("\n  ",
          refused));
    }
  }

  @Test
  void rebasingLeavesDataAlone() throws IOException {
    JsonNode schema = JSON.readTree("{\"enum\": [{\"$ref\": \"#/x\"}], \"items\": {\"$ref\": \"#\"}}");
    assertEquals("{\"enum\":[{\"$ref\":\"#/x\"}],\"items\":{\"$ref\":\"#/components/schemas/g\"}}",
        rebased(schema, "#/components/schemas/g").toString());
  }
}
