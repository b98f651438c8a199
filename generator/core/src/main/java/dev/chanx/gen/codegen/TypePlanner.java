package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.ClassName;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.codegen.Shapes.Kind;
import dev.chanx.gen.codegen.Shapes.Shape;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Maps the schemas one channel reaches to Java types: a record per object, a sealed interface per
 * union of objects, an enum per string enum, each declared once per package however many places
 * use it, and named on first sight.
 */
final class TypePlanner {

  private final String source;
  private final String packageName;
  private final Shapes shapes;
  private final Names typeNames;
  private final List<SpecProblem> problems;
  private final Map<Object, Decl> byKey = new HashMap<>();
  private final List<Decl> decls = new ArrayList<>();

  TypePlanner(String source, String packageName, Shapes shapes, Names typeNames, List<SpecProblem> problems) {
    this.source = source;
    this.packageName = packageName;
    this.shapes = shapes;
    this.typeNames = typeNames;
    this.problems = problems;
  }

  /** The types declared so far, in the order planned. */
  List<Decl> decls() {
    return List.copyOf(decls);
  }

  /** Declares a type planned elsewhere (a path parameter's enum). */
  void add(Decl decl) {
    decls.add(decl);
  }

  /** The type declared for a record, union or enum shape, planning it on first sight. */
  Decl decl(Shape shape, String name, List<String> doc) {
    Decl known = byKey.get(shape.key());
    if (known != null) {
      return known;
    }
    ClassName className = ClassName.get(packageName, typeNames.allocate(name));
    Schema schema = shape.schema();
    switch (shape.kind()) {
      case RECORD -> {
        RecordDecl record = new RecordDecl(className, schema, doc);
        register(shape.key(), record);
        planProperties(record);
        return record;
      }
      case UNION -> {
        UnionDecl union = new UnionDecl(className, schema, doc);
        register(shape.key(), union);
        planUnion(union, shape.key());
        return union;
      }
      case ENUM -> {
        Names constants = Names.members(List.of());
        List<String> values = Shapes.stringEnum(schema);
        List<String> constantNames = values.stream()
            .map(v -> constants.allocate(Names.upperSnake(v, "EMPTY"))).toList();
        EnumDecl enumDecl = new EnumDecl(className, schema, doc, values, constantNames);
        register(shape.key(), enumDecl);
        return enumDecl;
      }
      default -> throw new IllegalArgumentException("not a declared type: " + shape.kind());
    }
  }

  private void register(Object key, Decl decl) {
    byKey.put(key, decl);
    decls.add(decl);
  }

  /** The name a nested type takes: its component key, a title that says more, else its place. */
  private static String nestedName(Shape shape, String wireName, String placeName) {
    if (shape.refName() != null) {
      return Names.upperCamel(shape.refName(), placeName);
    }
    String title = shape.schema().title();
    if (title != null && !Docs.restates(title, wireName)) {
      return Names.upperCamel(title, placeName);
    }
    return placeName;
  }

  private void planProperties(RecordDecl record) {
    Schema schema = record.schema();
    Names members = Names.members(ChannelPlanner.TAKEN_MEMBERS);
    Names constants = Names.members(List.of());
    String owner = record.name().simpleName();
    for (Map.Entry<String, Schema> entry : schema.properties().entrySet()) {
      String wire = entry.getKey();
      Schema asWritten = entry.getValue();
      Shape shape = shapes.of(asWritten);
      Schema resolved = shapes.resolve(asWritten);
      boolean required = schema.required().contains(wire);
      // A referenced schema's title names the type, not this property, so only an inline one counts.
      String doc = Docs.first(asWritten.description(), resolved.description(), shape.schema().description(),
          asWritten.ref() != null || Docs.restates(asWritten.title(), wire) ? null : asWritten.title());
      JsonNode defaultValue = asWritten.defaultValue() != null ? asWritten.defaultValue() : resolved.defaultValue();
      if (defaultValue != null && defaultValue.isNull()) {
        defaultValue = null;
      }
      switch (shape.kind()) {
        case CONSTANT -> record.addProperty(new Property(wire, members.allocate(Names.lowerCamel(wire, "value")),
            Property.Role.CONSTANT, null, required, shape.nullable(), Shapes.constant(shape.schema()),
            constants.allocate(Names.upperSnake(wire, "VALUE")), null, doc));
        case NULL -> record.addProperty(new Property(wire, null, Property.Role.NULL, null, required, true,
            null, null, null, doc));
        default -> {
          String placeName = owner + Names.upperCamel(wire, "Value");
          TypeRef type = type(shape, wire, placeName);
          record.addProperty(new Property(wire, members.allocate(Names.lowerCamel(wire, "value")),
              Property.Role.COMPONENT, type, required, shape.nullable(), null, null, defaultValue, doc));
        }
      }
    }
  }

  /** The type of a frame that is one JSON value, not an object; {@code placeName} names what it declares. */
  TypeRef valueType(Shape shape, String placeName) {
    return type(shape, "value", placeName);
  }

  private TypeRef type(Shape shape, String wireName, String placeName) {
    Schema schema = shape.schema();
    return switch (shape.kind()) {
      case RECORD, UNION, ENUM -> new TypeRef.Named(decl(shape, nestedName(shape, wireName, placeName),
          Docs.paragraphs(schema.description())));
      case LIST -> {
        if (schema.items() == null) {
          yield new TypeRef.ListOf(new TypeRef.Scalar(TypeRef.ScalarKind.JSON, null), false, schema);
        }
        Shape item = shapes.of(schema.items());
        yield new TypeRef.ListOf(type(item, wireName, placeName + "Item"), item.nullable(), schema);
      }
      case MAP -> {
        if (schema.additionalProperties() == null) {
          yield new TypeRef.MapOf(new TypeRef.Scalar(TypeRef.ScalarKind.JSON, null), false);
        }
        Shape value = shapes.of(schema.additionalProperties());
        yield new TypeRef.MapOf(type(value, wireName, placeName + "Value"), value.nullable());
      }
      case SCALAR -> {
        checkPattern(schema);
        yield new TypeRef.Scalar(shape.scalar(), schema);
      }
      case CONSTANT -> new TypeRef.Scalar(TypeRef.ScalarKind.STRING, schema);
      case NULL, JSON -> new TypeRef.Scalar(TypeRef.ScalarKind.JSON, schema);
    };
  }

  private void checkPattern(Schema schema) {
    if (schema.pattern() == null) {
      return;
    }
    try {
      Pattern.compile(schema.pattern());
    } catch (PatternSyntaxException e) {
      problems.add(new SpecProblem(source, schema.pointer() + "/pattern", 0,
          "pattern '" + schema.pattern() + "' can't be generated: Java cannot compile it ("
              + e.getDescription() + ")",
          "Write the pattern in the common subset of ECMA-262 and Java regular expressions."));
    }
  }

  private void planUnion(UnionDecl union, Object unionKey) {
    Schema schema = union.schema();
    // The union's own properties apply to every branch, so each branch record gets them too.
    boolean merge = !schema.properties().isEmpty();
    List<Schema> branches = shapes.presentBranches(schema);
    for (int i = 0; i < branches.size(); i++) {
      Shape branch = shapes.of(branches.get(i));
      Schema branchSchema = merge ? merged(branch.schema(), schema) : branch.schema();
      Object key = merge ? List.of(branch.key(), unionKey) : branch.key();
      String name = branch.refName() != null ? Names.upperCamel(branch.refName(), "Option")
          : branch.schema().title() != null ? Names.upperCamel(branch.schema().title(), "Option")
          : union.name().simpleName() + "Option" + (i + 1);
      Shape recordShape = new Shape(branchSchema, key, branch.refName(), false, Kind.RECORD, null);
      RecordDecl record = (RecordDecl) decl(recordShape, name, Docs.paragraphs(branchSchema.description()));
      record.addSupertype(union.name());
      union.addBranch(record);
    }
    discriminate(union);
    for (int i = 0; i < union.branches().size(); i++) {
      String link = "{@link " + union.name().simpleName() + "}";
      union.branches().get(i).addUsage(union.discriminator() == null ? "One of the shapes of " + link + "."
          : "The " + Docs.code(union.tags().get(i)) + " shape of " + link + ".");
    }
  }

  private static Schema merged(Schema branch, Schema union) {
    Schema.Builder out = branch.toBuilder();
    if (out.build().types().isEmpty()) {
      out.type(JsonType.OBJECT);
    }
    for (Map.Entry<String, Schema> p : union.properties().entrySet()) {
      if (!branch.properties().containsKey(p.getKey())) {
        out.property(p.getKey(), p.getValue());
      }
    }
    union.required().forEach(out::required);
    return out.build();
  }

  private void discriminate(UnionDecl union) {
    List<String> candidates = new ArrayList<>();
    if (union.schema().discriminator() != null) {
      candidates.add(union.schema().discriminator());
    } else if (!union.branches().isEmpty()) {
      candidates.addAll(union.branches().get(0).schema().properties().keySet());
    }
    for (String property : candidates) {
      List<String> tags = new ArrayList<>();
      for (RecordDecl branch : union.branches()) {
        Schema p = branch.schema().properties().get(property);
        String tag = p == null ? null : Shapes.constant(shapes.of(p).schema());
        if (tag == null || tags.contains(tag)) {
          break;
        }
        tags.add(tag);
      }
      if (tags.size() == union.branches().size() && !tags.isEmpty()) {
        union.discriminate(property, tags);
        return;
      }
    }
  }
}
