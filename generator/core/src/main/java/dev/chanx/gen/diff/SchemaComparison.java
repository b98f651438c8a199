package dev.chanx.gen.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two schemas of the read models keyword by keyword and says, for each difference,
 * whether the new schema accepts more values, fewer, or neither (references are followed, {@code
 * allOf} is already merged). Properties a schema does not declare are taken as not sent by a party
 * that follows the document: adding an optional property changes nothing on the wire unless the
 * old schema refused undeclared properties.
 */
public final class SchemaComparison {

  private final ApiModel oldModel;
  private final ApiModel newModel;
  private final boolean assertFormats;
  private final List<SchemaChange> out = new ArrayList<>();
  private final Set<String> visited = new HashSet<>();

  private SchemaComparison(ApiModel oldModel, ApiModel newModel, boolean assertFormats) {
    this.oldModel = oldModel;
    this.newModel = newModel;
    this.assertFormats = assertFormats;
  }

  /**
   * The differences between a schema of the old model and one of the new, in the order of the
   * keywords and of the old document's properties.
   *
   * @param assertFormats whether {@code format} is checked (a change narrows or widens), else only documents
   */
  public static List<SchemaChange> compare(ApiModel oldModel, Schema oldSchema, ApiModel newModel,
      Schema newSchema, boolean assertFormats) {
    SchemaComparison comparison = new SchemaComparison(oldModel, newModel, assertFormats);
    comparison.schema(oldSchema, newSchema);
    return List.copyOf(comparison.out);
  }

  private void add(String kind, String oldPointer, String newPointer, Acceptance acceptance, boolean api,
      String what) {
    out.add(new SchemaChange(kind, oldPointer, newPointer, acceptance, api, what));
  }

  private void schema(Schema oldRaw, Schema newRaw) {
    Schema o = oldModel.resolve(oldRaw);
    Schema n = newModel.resolve(newRaw);
    if (!visited.add(o.pointer() + "\n" + n.pointer())) {
      return; // a recursive schema: its keywords are being compared already
    }
    String op = o.pointer();
    String np = n.pointer();
    documentation(o, n);
    types(o, n, oldRaw.isNullable() || o.isNullable(), newRaw.isNullable() || n.isNullable());
    constant(o, n);
    enumeration(o, n);
    if (!Objects.equals(o.format(), n.format())) {
      Acceptance a = !assertFormats ? Acceptance.SAME : o.format() == null ? Acceptance.NARROWER
          : n.format() == null ? Acceptance.WIDER : Acceptance.INCOMPATIBLE;
      add("schema.format", Pointers.child(op, "format"), Pointers.child(np, "format"), a, false,
          "format " + change(o.format(), n.format()));
    }
    if (!Objects.equals(o.pattern(), n.pattern())) {
      Acceptance a = o.pattern() == null ? Acceptance.NARROWER : n.pattern() == null ? Acceptance.WIDER
          : Acceptance.INCOMPATIBLE;
      add("schema.pattern", Pointers.child(op, "pattern"), Pointers.child(np, "pattern"), a, false,
          "pattern " + change(o.pattern(), n.pattern()));
    }
    lower("minLength", op, np, decimal(o.minLength()), decimal(n.minLength()));
    upper("maxLength", op, np, decimal(o.maxLength()), decimal(n.maxLength()));
    lower("minimum", op, np, o.minimum(), n.minimum());
    upper("maximum", op, np, o.maximum(), n.maximum());
    lower("exclusiveMinimum", op, np, o.exclusiveMinimum(), n.exclusiveMinimum());
    upper("exclusiveMaximum", op, np, o.exclusiveMaximum(), n.exclusiveMaximum());
    lower("minItems", op, np, decimal(o.minItems()), decimal(n.minItems()));
    upper("maxItems", op, np, decimal(o.maxItems()), decimal(n.maxItems()));
    multipleOf(o, n);
    if (o.uniqueItems() != n.uniqueItems()) {
      add("schema.uniqueItems", Pointers.child(op, "uniqueItems"), Pointers.child(np, "uniqueItems"),
          n.uniqueItems() ? Acceptance.NARROWER : Acceptance.WIDER, false,
          "uniqueItems " + change(o.uniqueItems(), n.uniqueItems()));
    }
    items(o, n);
    properties(o, n);
    additionalProperties(o, n);
    branches("oneOf", o, o.oneOf(), n, n.oneOf());
    branches("anyOf", o, o.anyOf(), n, n.anyOf());
    unmodelled(op, o.contract(), np, n.contract());
  }

  /**
   * The draft-07 keywords the model does not hold ({@code not}, {@code if}, {@code
   * patternProperties}...), compared as written, here and in the members of {@code allOf}: one
   * added can only narrow, one removed only widen, one changed may do both.
   */
  private void unmodelled(String op, JsonNode before, String np, JsonNode after) {
    if (before == null || after == null || !before.isObject() || !after.isObject()) {
      return;
    }
    lower("minProperties", op, np, decimal(before.get("minProperties")), decimal(after.get("minProperties")));
    upper("maxProperties", op, np, decimal(before.get("maxProperties")), decimal(after.get("maxProperties")));
    for (String keyword : UNMODELLED) {
      JsonNode o = keyword.equals("items") ? arrayOnly(before.get(keyword)) : before.get(keyword);
      JsonNode n = keyword.equals("items") ? arrayOnly(after.get(keyword)) : after.get(keyword);
      if (!Objects.equals(o, n)) {
        Acceptance a = o == null ? Acceptance.NARROWER : n == null ? Acceptance.WIDER : Acceptance.INCOMPATIBLE;
        add("schema." + keyword, Pointers.child(op, keyword), Pointers.child(np, keyword), a, false,
            keyword + (o == null ? " added: " + n : n == null ? " removed: " + o : " changed: " + o + " -> " + n));
      }
    }
    JsonNode oldAll = before.path("allOf");
    JsonNode newAll = after.path("allOf");
    for (int i = 0; i < Math.min(oldAll.size(), newAll.size()); i++) {
      unmodelled(Pointers.child(Pointers.child(op, "allOf"), String.valueOf(i)), oldAll.get(i),
          Pointers.child(Pointers.child(np, "allOf"), String.valueOf(i)), newAll.get(i));
    }
  }

  /** Keywords of draft-07 that constrain a value and that the model does not hold. */
  private static final List<String> UNMODELLED = List.of("not", "if", "then", "else", "patternProperties",
      "dependencies", "propertyNames", "contains", "additionalItems", "items");

  // Tuple items: the model holds items as one schema only.
  private static JsonNode arrayOnly(JsonNode items) {
    return items != null && items.isArray() ? items : null;
  }

  private static BigDecimal decimal(JsonNode value) {
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }

  private void documentation(Schema o, Schema n) {
    for (String keyword : List.of("title", "description")) {
      String before = keyword.equals("title") ? o.title() : o.description();
      String after = keyword.equals("title") ? n.title() : n.description();
      if (!Objects.equals(before, after)) {
        add("doc.changed", Pointers.child(o.pointer(), keyword), Pointers.child(n.pointer(), keyword),
            Acceptance.SAME, false, keyword + " " + (before == null ? "added" : after == null ? "removed" : "changed"));
      }
    }
    if (!o.examples().equals(n.examples())) {
      add("doc.changed", Pointers.child(o.pointer(), "examples"), Pointers.child(n.pointer(), "examples"),
          Acceptance.SAME, false, "examples changed");
    }
    if (!Objects.equals(o.defaultValue(), n.defaultValue())) {
      add("schema.default", Pointers.child(o.pointer(), "default"), Pointers.child(n.pointer(), "default"),
          Acceptance.SAME, false, "default " + change(o.defaultValue(), n.defaultValue()));
    }
    if (o.deprecated() != n.deprecated()) {
      add("doc.changed", Pointers.child(o.pointer(), "deprecated"), Pointers.child(n.pointer(), "deprecated"),
          Acceptance.SAME, false, n.deprecated() ? "deprecated" : "no longer deprecated");
    }
  }

  /** The JSON types a schema accepts, {@code number} taking in {@code integer}; null excluded. */
  private static Set<JsonType> accepted(Schema s) {
    Set<JsonType> set = EnumSet.noneOf(JsonType.class);
    if (s.types().isEmpty() || s.types().equals(Set.of(JsonType.NULL))) {
      set.addAll(EnumSet.allOf(JsonType.class));
    } else {
      set.addAll(s.types());
    }
    if (set.contains(JsonType.NUMBER)) {
      set.add(JsonType.INTEGER);
    }
    set.remove(JsonType.NULL);
    return set;
  }

  private void types(Schema o, Schema n, boolean oldNull, boolean newNull) {
    Set<JsonType> before = accepted(o);
    Set<JsonType> after = accepted(n);
    if (!before.equals(after)) {
      boolean refuses = !after.containsAll(before);
      boolean accepts = !before.containsAll(after);
      add("schema.type", Pointers.child(o.pointer(), "type"), Pointers.child(n.pointer(), "type"),
          acceptance(refuses, accepts), true, "type " + change(names(o), names(n)));
    }
    boolean oldAny = o.types().isEmpty();
    boolean newAny = n.types().isEmpty();
    boolean nullBefore = oldNull || oldAny;
    boolean nullAfter = newNull || newAny;
    if (nullBefore != nullAfter) {
      add("schema.nullable", Pointers.child(o.pointer(), "type"), Pointers.child(n.pointer(), "type"),
          nullAfter ? Acceptance.WIDER : Acceptance.NARROWER, true,
          nullAfter ? "null is now allowed" : "null is no longer allowed");
    }
  }

  private static String names(Schema s) {
    if (s.types().isEmpty()) {
      return "any";
    }
    return s.types().stream().filter(t -> t != JsonType.NULL).map(t -> t.name().toLowerCase(java.util.Locale.ROOT))
        .collect(Collectors.joining("|"));
  }

  private static Acceptance acceptance(boolean refusesOld, boolean acceptsNew) {
    return refusesOld && acceptsNew ? Acceptance.INCOMPATIBLE : refusesOld ? Acceptance.NARROWER
        : acceptsNew ? Acceptance.WIDER : Acceptance.SAME;
  }

  private void constant(Schema o, Schema n) {
    if (Objects.equals(o.constValue(), n.constValue())) {
      return;
    }
    Acceptance a = o.constValue() == null ? Acceptance.NARROWER : n.constValue() == null ? Acceptance.WIDER
        : Acceptance.INCOMPATIBLE;
    add("schema.const", Pointers.child(o.pointer(), "const"), Pointers.child(n.pointer(), "const"), a, true,
        "const " + change(o.constValue(), n.constValue()));
  }

  private void enumeration(Schema o, Schema n) {
    List<JsonNode> before = o.enumValues();
    List<JsonNode> after = n.enumValues();
    String op = Pointers.child(o.pointer(), "enum");
    String np = Pointers.child(n.pointer(), "enum");
    if (before.isEmpty() && after.isEmpty()) {
      return;
    }
    if (before.isEmpty() || after.isEmpty()) {
      boolean added = before.isEmpty();
      add(added ? "schema.enum.added" : "schema.enum.removed", op, np,
          added ? Acceptance.NARROWER : Acceptance.WIDER, true,
          added ? "values limited to " + after : "values no longer limited to " + before);
      return;
    }
    for (int i = 0; i < before.size(); i++) {
      if (!after.contains(before.get(i))) {
        add("schema.enum.value-removed", Pointers.child(op, i), np, Acceptance.NARROWER, true,
            "enum value " + before.get(i) + " removed");
      }
    }
    for (int i = 0; i < after.size(); i++) {
      if (!before.contains(after.get(i))) {
        add("schema.enum.value-added", op, Pointers.child(np, i), Acceptance.WIDER, false,
            "enum value " + after.get(i) + " added");
      }
    }
  }

  private static BigDecimal decimal(Integer value) {
    return value == null ? null : BigDecimal.valueOf(value);
  }

  /** A lower bound: raised or added narrows, lowered or removed widens. */
  private void lower(String keyword, String op, String np, BigDecimal before, BigDecimal after) {
    bound(keyword, op, np, before, after, 1);
  }

  /** An upper bound: lowered or added narrows, raised or removed widens. */
  private void upper(String keyword, String op, String np, BigDecimal before, BigDecimal after) {
    bound(keyword, op, np, before, after, -1);
  }

  private void bound(String keyword, String op, String np, BigDecimal before, BigDecimal after, int narrowing) {
    if (before == null && after == null || before != null && after != null && before.compareTo(after) == 0) {
      return;
    }
    Acceptance a = before == null ? Acceptance.NARROWER : after == null ? Acceptance.WIDER
        : Integer.signum(after.compareTo(before)) == narrowing ? Acceptance.NARROWER : Acceptance.WIDER;
    add("schema." + keyword, Pointers.child(op, keyword), Pointers.child(np, keyword), a, false,
        keyword + " " + change(plain(before), plain(after)));
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  private void multipleOf(Schema o, Schema n) {
    BigDecimal before = o.multipleOf();
    BigDecimal after = n.multipleOf();
    if (before == null && after == null || before != null && after != null && before.compareTo(after) == 0) {
      return;
    }
    Acceptance a;
    if (before == null) {
      a = Acceptance.NARROWER;
    } else if (after == null) {
      a = Acceptance.WIDER;
    } else if (before.remainder(after).signum() == 0) {
      a = Acceptance.WIDER; // every multiple of the old step is a multiple of the new one
    } else if (after.remainder(before).signum() == 0) {
      a = Acceptance.NARROWER;
    } else {
      a = Acceptance.INCOMPATIBLE;
    }
    add("schema.multipleOf", Pointers.child(o.pointer(), "multipleOf"), Pointers.child(n.pointer(), "multipleOf"),
        a, false, "multipleOf " + change(plain(before), plain(after)));
  }

  private void items(Schema o, Schema n) {
    if (o.items() != null && n.items() != null) {
      schema(o.items(), n.items());
    } else if (o.items() != null || n.items() != null) {
      add("schema.items", Pointers.child(o.pointer(), "items"), Pointers.child(n.pointer(), "items"),
          o.items() == null ? Acceptance.NARROWER : Acceptance.WIDER, true,
          "items " + (o.items() == null ? "constrained" : "no longer constrained"));
    }
  }

  /** Whether a schema refuses properties it does not declare. */
  private static boolean closed(Schema s) {
    return Boolean.FALSE.equals(s.additionalPropertiesAllowed());
  }

  private void properties(Schema o, Schema n) {
    Map<String, Schema> before = o.properties();
    Map<String, Schema> after = n.properties();
    String op = Pointers.child(o.pointer(), "properties");
    String np = Pointers.child(n.pointer(), "properties");
    for (Map.Entry<String, Schema> e : before.entrySet()) {
      String name = e.getKey();
      boolean wasRequired = o.required().contains(name);
      Schema now = after.get(name);
      if (now == null) {
        // Old senders may still send it; old receivers that require it no longer get it.
        Acceptance a = acceptance(closed(n), wasRequired);
        add("schema.property.removed", e.getValue().pointer(), np, a, true,
            (wasRequired ? "required" : "optional") + " property '" + name + "' removed"
                + (closed(n) ? " (undeclared properties are refused)" : ""));
        continue;
      }
      boolean isRequired = n.required().contains(name);
      if (wasRequired != isRequired) {
        add(isRequired ? "schema.required.added" : "schema.required.removed",
            Pointers.child(o.pointer(), "required"), Pointers.child(n.pointer(), "required"),
            isRequired ? Acceptance.NARROWER : Acceptance.WIDER, true,
            "property '" + name + "' is " + (isRequired ? "now required" : "no longer required"));
      }
      schema(e.getValue(), now);
    }
    for (Map.Entry<String, Schema> e : after.entrySet()) {
      String name = e.getKey();
      if (before.containsKey(name)) {
        continue;
      }
      boolean isRequired = n.required().contains(name);
      // Old senders do not send it: refused when required; old receivers refuse it when closed.
      add(isRequired ? "schema.property.added-required" : "schema.property.added", op, e.getValue().pointer(),
          acceptance(isRequired, closed(o)), true,
          (isRequired ? "required" : "optional") + " property '" + name + "' added"
              + (closed(o) ? " (the old schema refused undeclared properties)" : ""));
    }
    List<String> oldOrder = before.keySet().stream().filter(after::containsKey).toList();
    List<String> newOrder = after.keySet().stream().filter(before::containsKey).toList();
    if (!oldOrder.equals(newOrder)) {
      add("schema.properties.reordered", op, np, Acceptance.SAME, true,
          "properties reordered from " + oldOrder + " to " + newOrder);
    }
  }

  private void additionalProperties(Schema o, Schema n) {
    String op = Pointers.child(o.pointer(), "additionalProperties");
    String np = Pointers.child(n.pointer(), "additionalProperties");
    if (o.additionalProperties() != null && n.additionalProperties() != null) {
      schema(o.additionalProperties(), n.additionalProperties());
      return;
    }
    int before = openness(o);
    int after = openness(n);
    if (before != after) {
      add("schema.additionalProperties", op, np, after > before ? Acceptance.WIDER : Acceptance.NARROWER,
          o.additionalProperties() != null || n.additionalProperties() != null,
          "additionalProperties " + change(describe(o), describe(n)));
    }
  }

  /** 0: undeclared properties refused, 1: allowed if they match a schema, 2: allowed. */
  private static int openness(Schema s) {
    return closed(s) ? 0 : s.additionalProperties() != null ? 1 : 2;
  }

  private static String describe(Schema s) {
    return closed(s) ? "false" : s.additionalProperties() != null ? "a schema" : "true";
  }

  private void branches(String keyword, Schema o, List<Schema> before, Schema n, List<Schema> after) {
    if (before.isEmpty() && after.isEmpty()) {
      return;
    }
    String op = Pointers.child(o.pointer(), keyword);
    String np = Pointers.child(n.pointer(), keyword);
    Function<Schema, String> oldKey = b -> branchKey(oldModel, b, o.discriminator());
    Function<Schema, String> newKey = b -> branchKey(newModel, b, n.discriminator());
    List<String> newKeys = after.stream().map(newKey).toList();
    List<String> oldKeys = before.stream().map(oldKey).toList();
    for (int i = 0; i < before.size(); i++) {
      int j = newKeys.indexOf(oldKeys.get(i));
      if (j < 0) {
        add("schema." + keyword + ".branch-removed", Pointers.child(op, i), np, Acceptance.NARROWER, true,
            keyword + " branch " + oldKeys.get(i) + " removed");
      } else {
        schema(before.get(i), after.get(j));
      }
    }
    for (int j = 0; j < after.size(); j++) {
      if (!oldKeys.contains(newKeys.get(j))) {
        add("schema." + keyword + ".branch-added", op, Pointers.child(np, j), Acceptance.WIDER, true,
            keyword + " branch " + newKeys.get(j) + " added");
      }
    }
  }

  /** A branch by its discriminator value, else the last token of the schema it names, else its place. */
  private static String branchKey(ApiModel model, Schema branch, String discriminator) {
    Schema resolved = model.resolve(branch);
    if (discriminator != null) {
      Schema tag = resolved.properties().get(discriminator);
      if (tag != null && model.resolve(tag).constValue() != null) {
        return "'" + model.resolve(tag).constValue().asText() + "'";
      }
    }
    if (branch.ref() != null) {
      return "'" + branch.ref().substring(branch.ref().lastIndexOf('/') + 1) + "'";
    }
    return "#" + branch.pointer().substring(branch.pointer().lastIndexOf('/') + 1);
  }

  private static String change(Object before, Object after) {
    if (before == null) {
      return after + " added";
    }
    if (after == null) {
      return before + " removed";
    }
    return "changed from " + before + " to " + after;
  }
}
