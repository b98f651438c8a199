package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.chanx.core.codec.Texts;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes what turns a parsed frame into one of a channel's messages: read the discriminator, hand
 * the frame to the reader of that message, report every problem in Chanx's shape. The dispatcher
 * decodes what clients send with it, a Java client what the server sends.
 */
final class FrameDecoding {

  private final ChannelPlan plan;
  private final ClassName root;
  private final String discriminator;
  private final List<MessagePlan> tagged = new ArrayList<>();
  private final java.util.Map<MessagePlan, List<String>> tagsOf = new java.util.HashMap<>();
  private final List<MessagePlan> keyed = new ArrayList<>();
  private final List<MessagePlan> untagged = new ArrayList<>();
  private MessagePlan binary;
  private boolean values;

  /**
   * Decodes {@code messages} as {@code root}. Messages with tags (a constant, or the values of an
   * enum) are picked by them (the first of several with one tag wins); the others, when the tag
   * names none, by a key of their own ({@link dev.chanx.gen.model.Message#wrapperKey()}), else
   * tried in order.
   */
  FrameDecoding(ChannelPlan plan, List<MessagePlan> messages, ClassName root) {
    this.plan = plan;
    this.root = root;
    // Chanx's default, for a channel whose messages have no discriminator to find.
    this.discriminator = plan.channel().discriminator() != null ? plan.channel().discriminator() : "action";
    Set<String> tags = new HashSet<>();
    for (MessagePlan m : messages) {
      if (ChannelPlanner.isBinary(m)) {
        // One binary message per side (the planner reports more): binary frames are read as it.
        binary = binary == null ? m : binary;
        continue;
      }
      values |= m.decl() instanceof ValueDecl;
      List<String> mine = plan.channel().discriminator() == null ? List.of()
          : m.message().tags().stream().filter(tags::add).toList();
      if (!mine.isEmpty()) {
        tagged.add(m);
        tagsOf.put(m, mine);
      } else if (m.message().tags().isEmpty() && m.message().wrapperKey() != null) {
        keyed.add(m);
      } else if (m.message().tags().isEmpty()) {
        untagged.add(m);
      }
    }
  }

  String discriminator() {
    return discriminator;
  }

  /** The constants the methods use: the discriminator, and the tags named in errors. */
  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(FieldSpec.builder(Types.STRING, "DISCRIMINATOR", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$S", discriminator).build());
    if (!tagged.isEmpty()) {
      fields.add(FieldSpec.builder(Types.STRING, "EXPECTED_TAGS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$S", String.join(", ", tagged.stream().flatMap(m -> tagsOf.get(m).stream()).map(Texts::repr)
              .toList()))
          .build());
    }
    return fields;
  }

  private TypeName decoded() {
    return ParameterizedTypeName.get(Types.DECODED, root);
  }

  /** Whether a frame may be a JSON value other than an object: a message is one. */
  boolean values() {
    return values;
  }

  /**
   * Completes a {@code decodeBinary(ByteBuffer data)} method that reads every binary frame as the
   * binary message; null when no message is binary.
   */
  MethodSpec decodeBinary(MethodSpec.Builder method) {
    if (binary == null) {
      return null;
    }
    return method.returns(root)
        .addParameter(Types.BYTE_BUFFER, "data")
        .addStatement("return new $T(data)", binary.decl().name())
        .build();
  }

  /** Completes a {@code decode(JsonNode frame)} method whose name and modifiers the caller chose. */
  MethodSpec decode(MethodSpec.Builder method) {
    method.returns(decoded()).addParameter(Types.JSON_NODE, "frame");
    boolean rest = !untagged.isEmpty() || !keyed.isEmpty();
    if (tagged.isEmpty() && !rest) {
      // Only binary data: a text frame is none of the messages.
      return method.addStatement("return $T.invalid(null, $T.of($T.tagNotFound(DISCRIMINATOR)))", Types.DECODED,
          Types.LIST, Types.READ).build();
    }
    if (tagged.isEmpty() && rest) {
      return method.addStatement("return decodeUntagged(frame)").build();
    }
    method.addStatement("String tag = $T.tag(frame, DISCRIMINATOR)", Types.READ)
        .beginControlFlow("if (tag == null)");
    if (!rest) {
      method.addStatement("return $T.invalid(null, $T.of($T.tagNotFound(DISCRIMINATOR)))", Types.DECODED, Types.LIST,
          Types.READ);
    } else {
      method.addStatement("return decodeUntagged(frame)");
    }
    method.endControlFlow();
    CodeBlock unknown = !rest
        ? CodeBlock.of("$T.invalid(null, $T.of($T.tagInvalid(DISCRIMINATOR, tag, $L)))", Types.DECODED, Types.LIST,
            Types.READ, tagged.isEmpty() ? "\"\"" : "EXPECTED_TAGS")
        : CodeBlock.of("decodeUntagged(frame)");
    if (tagged.isEmpty()) {
      return method.addStatement("return $L", unknown).build();
    }
    CodeBlock.Builder cases = CodeBlock.builder();
    for (MessagePlan m : tagged) {
      List<CodeBlock> labels = new ArrayList<>();
      for (String tag : tagsOf.get(m)) {
        labels.add(m.decl() instanceof RecordDecl record ? ReaderWriter.label(record, discriminator, tag)
            : CodeBlock.of("$S", tag));
      }
      cases.add("case $L ->$Wproblems.decoded(tag, $L);\n", CodeBlock.join(labels, ",$W"), read(m, CodeBlock.of("at")));
    }
    cases.add("default ->$W$L;\n", unknown);
    return method
        .addStatement("$T problems = new $T()", Types.PROBLEMS, Types.PROBLEMS)
        .addStatement("$T at = $T.of(tag)", Types.LOC, Types.LOC)
        .addCode("return switch (tag) {\n$>$L$<};\n", cases.build())
        .build();
  }

  /**
   * Completes the quick path's {@code read(JsonParser json, StreamFrame frame)}: the tag picks the
   * message, whose fields are read straight from the parser. Null when no message can be read so
   * (every frame then takes the tree path).
   */
  MethodSpec read(MethodSpec.Builder method) {
    List<MessagePlan> frames = quickFrames();
    if (frames.isEmpty()) {
      return null;
    }
    CodeBlock.Builder cases = CodeBlock.builder();
    QuickKeys keys = QuickKeys.of(plan);
    for (MessagePlan m : frames) {
      RecordDecl record = (RecordDecl) m.decl();
      cases.add("case $L ->$W$T.$N(json, $T.$N, frame);\n", ReaderWriter.label(record, discriminator,
          m.message().tag()), plan.roles().reader(), ReaderWriter.streamFieldsMethod(record, discriminator),
          plan.roles().reader(), keys.bit(record, ReaderWriter.tagIndex(record, discriminator)));
    }
    cases.add("default ->$Wthrow $T.miss();\n", Types.TOKENS);
    return method.returns(root)
        .addParameter(Types.JSON_PARSER, "json")
        .addParameter(Types.STREAM_FRAME, "frame")
        .addException(Types.IO_EXCEPTION)
        .addCode("return switch (frame.tag(json, DISCRIMINATOR)) {\n$>$L$<};\n", cases.build())
        .build();
  }

  /** The tagged messages that the quick path can read: records whose tag is a constant of theirs. */
  List<MessagePlan> quickFrames() {
    List<MessagePlan> frames = new ArrayList<>();
    for (MessagePlan m : tagged) {
      if (m.decl() instanceof RecordDecl record && discriminator.equals(record.discriminator())
          && plan.contracts().constant(m.message()) == null
          && ReaderWriter.streamFieldsMethod(record, discriminator) != null) {
        frames.add(m);
      }
    }
    return frames;
  }

  /**
   * Reads a message from {@code frame} at {@code at}: straight into its record, or, when its reader
   * does not hold its whole schema, also checking the frame, without the reserved keys of Chanx's
   * envelope that the message does not declare itself, against its compiled schema.
   */
  private CodeBlock read(MessagePlan m, CodeBlock at) {
    String contract = plan.contracts().constant(m.message());
    if (contract == null) {
      return CodeBlock.of("$T.$N(frame, $L, problems)", plan.roles().reader(), ReaderWriter.method(m.decl()), at);
    }
    List<CodeBlock> reserved = new ArrayList<>();
    for (String key : RESERVED) {
      if (!declares(m.message().payload().contract(), key)) {
        reserved.add(CodeBlock.of("$S", key));
      }
    }
    CodeBlock payload = reserved.isEmpty() ? CodeBlock.of("frame")
        : CodeBlock.of("$T.withoutReserved(frame, $L)", Types.READ, CodeBlock.join(reserved, ", "));
    return CodeBlock.of("$T.read($T.$N,$W$L,$Wframe, $L, problems,$W$T::$N)", Types.CONTRACT, plan.contracts().owner(),
        contract, payload, at, plan.roles().reader(), ReaderWriter.method(m.decl()));
  }

  /** Chanx's envelope: top-level keys of any frame, never part of a message unless it says so. */
  private static final List<String> RESERVED = List.of("version", "topic", "ref", "seq");

  private boolean declares(com.fasterxml.jackson.databind.JsonNode contract, String key) {
    com.fasterxml.jackson.databind.JsonNode at = contract;
    for (int hops = 0; at != null && at.has("$ref") && hops < 64; hops++) {
      dev.chanx.gen.model.Schema target = plan.contracts().schemas().get(at.get("$ref").asText());
      at = target == null ? null : target.contract();
    }
    return at != null && at.path("properties").has(key);
  }

  /**
   * The method for frames whose tag names no message: a message with a key of its own is read
   * when the frame has that key; the others are tried in document order, the first that reads
   * winning. Null when every message has a tag.
   */
  MethodSpec decodeUntagged() {
    if (untagged.isEmpty() && keyed.isEmpty()) {
      return null;
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("decodeUntagged")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(decoded())
        .addParameter(Types.JSON_NODE, "frame")
        .addStatement("$T problems = new $T()", Types.PROBLEMS, Types.PROBLEMS);
    for (MessagePlan m : keyed) {
      method.beginControlFlow("if (frame.has($S))", m.message().wrapperKey())
          .addStatement("return problems.decoded($S, $L)", m.message().key(), read(m, CodeBlock.of("$T.root()",
              Types.LOC)))
          .endControlFlow();
    }
    // Without a key of its own, a frame is the first message that reads; with none left to try,
    // each keyed message says what the frame lacks.
    List<MessagePlan> tried = untagged.isEmpty() ? keyed : untagged;
    Names locals = Names.members(List.of("frame", "problems"));
    for (MessagePlan m : tried) {
      String local = locals.allocate(Names.lowerCamel(m.decl().name().simpleName(), "message"));
      CodeBlock at = tried.size() == 1 ? CodeBlock.of("$T.root()", Types.LOC)
          : CodeBlock.of("$T.root().key($S)", Types.LOC, m.decl().errorName());
      method.addStatement("$T $N = $L", m.decl().name(), local, read(m, at))
          .beginControlFlow("if ($N != null)", local)
          .addStatement("return $T.valid($S, $N)", Types.DECODED, m.message().key(), local)
          .endControlFlow();
    }
    return method.addStatement("return $T.invalid(null, problems.errors())", Types.DECODED).build();
  }
}
