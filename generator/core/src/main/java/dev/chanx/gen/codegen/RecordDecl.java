package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.List;

/** A record for an object schema with properties, or for a message's whole frame. */
final class RecordDecl extends Decl {

  private final List<Property> properties = new ArrayList<>();
  private String discriminator;

  RecordDecl(ClassName name, Schema schema, List<String> doc) {
    super(name, schema, doc);
  }

  /** The properties in schema order. */
  List<Property> properties() {
    return properties;
  }

  void addProperty(Property property) {
    properties.add(property);
  }

  /** Whether {@code additionalProperties: false}: other keys are errors. */
  boolean closed() {
    return Boolean.FALSE.equals(schema().additionalPropertiesAllowed());
  }

  /** For a frame, the channel's discriminator property; null otherwise. */
  String discriminator() {
    return discriminator;
  }

  void discriminator(String name) {
    discriminator = name;
  }

  /** The constant property that names this frame on the wire, or null when it has none. */
  Property tagProperty() {
    if (discriminator == null) {
      return null;
    }
    return properties.stream()
        .filter(p -> p.role() == Property.Role.CONSTANT && p.wireName().equals(discriminator))
        .findFirst()
        .orElse(null);
  }

  /** The properties in the order they are written: the tag first, then schema order. */
  List<Property> wireOrder() {
    Property tag = tagProperty();
    List<Property> out = new ArrayList<>();
    if (tag != null) {
      out.add(tag);
    }
    for (Property p : properties) {
      if (p != tag) {
        out.add(p);
      }
    }
    return out;
  }

  List<Property> components() {
    return properties.stream().filter(p -> p.role() == Property.Role.COMPONENT).toList();
  }
}
