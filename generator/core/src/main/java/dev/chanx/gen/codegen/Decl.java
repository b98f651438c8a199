package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * A type the generator declares in a channel's package: a record, a sealed interface for a
 * union, or an enum. Planning fills in the supertypes and flags; writers only read them.
 */
abstract sealed class Decl permits RecordDecl, UnionDecl, EnumDecl, ValueDecl {

  private final ClassName name;
  private final Schema schema;
  private final List<String> doc;
  private final List<ClassName> supertypes = new ArrayList<>();
  private final List<String> usage = new ArrayList<>();
  private final List<JsonNode> examples = new ArrayList<>();
  private boolean frame;
  private boolean readable;

  Decl(ClassName name, Schema schema, List<String> doc) {
    this.name = name;
    this.schema = schema;
    this.doc = List.copyOf(doc);
  }

  ClassName name() {
    return name;
  }

  /** The resolved schema it was planned from. */
  Schema schema() {
    return schema;
  }

  /** Javadoc paragraphs. */
  List<String> doc() {
    return doc;
  }

  /** Javadoc sentences on who sends it and which handler method takes it (messages only). */
  List<String> usage() {
    return usage;
  }

  void addUsage(String sentence) {
    if (!usage.contains(sentence)) {
      usage.add(sentence);
    }
  }

  /** Example frames of the message it was planned for, before the schema's own examples. */
  List<JsonNode> examples() {
    List<JsonNode> out = new ArrayList<>(examples);
    for (JsonNode example : schema.examples()) {
      if (!out.contains(example)) {
        out.add(example);
      }
    }
    return out;
  }

  void addExamples(List<JsonNode> frames) {
    for (JsonNode frame : frames) {
      if (!examples.contains(frame)) {
        examples.add(frame);
      }
    }
  }

  /** Interfaces it implements or extends, in the order added, each once. */
  List<ClassName> supertypes() {
    return supertypes;
  }

  void addSupertype(ClassName type) {
    if (!supertypes.contains(type)) {
      supertypes.add(type);
    }
  }

  /** Replaces a supertype by a narrower one that extends it, keeping the first one's place. */
  void narrowSupertype(ClassName wide, ClassName narrow) {
    int at = supertypes.indexOf(wide);
    if (at < 0) {
      addSupertype(narrow);
    } else if (supertypes.contains(narrow)) {
      supertypes.remove(at);
    } else {
      supertypes.set(at, narrow);
    }
  }

  /** Whether it is a whole frame (a {@code Message}) rather than a value inside one. */
  boolean frame() {
    return frame;
  }

  void markFrame() {
    frame = true;
  }

  /** Whether clients send it, so that the channel's reader must read it. */
  boolean readable() {
    return readable;
  }

  void markReadable() {
    readable = true;
  }

  /** The name Pydantic would give it in errors: the schema's title, else the Java name. */
  String errorName() {
    return schema.title() != null && !schema.title().isBlank() ? schema.title() : name.simpleName();
  }
}
