package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import dev.chanx.gen.codegen.ChannelPlan.ParameterPlan;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The checks a route runs before the upgrade beyond converting its path: each path parameter's
 * schema whose rules go beyond its Java type (a string, an integer, an enum), and the WebSocket
 * binding's query schema. Each is a {@code JsonSchema} constant of the route, written by
 * {@link ContractWriter} from the schema's contract.
 */
final class RouteChecks {

  private final ChannelPlan plan;
  private final Map<String, Schema> schemas;
  private final ContractWriter writer;
  private final Map<ParameterPlan, String> parameters = new LinkedHashMap<>();
  private String query;

  RouteChecks(ChannelPlan plan) {
    this.plan = plan;
    this.schemas = plan.contracts().schemas();
    Names names = Names.members(List.of("PARAMETER_NAMES", "QUERY"));
    this.writer = new ContractWriter(plan.roles().route(), schemas, names);
    for (ParameterPlan p : plan.parameters()) {
      JsonNode contract = p.parameter().schema().contract();
      if (beyondType(p, contract)) {
        String name = names.allocate(Names.upperSnake(p.parameter().name(), "PARAMETER") + "_SCHEMA");
        parameters.put(p, name);
        writer.schema(name, "The schema of path parameter {@code " + p.parameter().name() + "}, at {@code "
            + p.parameter().schema().pointer() + "}.", contract);
      }
    }
    Schema binding = plan.channel().query();
    if (binding != null && constrains(binding.contract())) {
      query = names.allocate("QUERY_SCHEMA");
      writer.schema(query, "The schema of the query parameters of the WebSocket binding, at {@code "
          + binding.pointer() + "}.", binding.contract());
    }
  }

  /** The constants: the schemas, then how the query is read. */
  List<FieldSpec> fields() {
    List<FieldSpec> out = new ArrayList<>(writer.constants());
    if (query != null) {
      out.add(FieldSpec.builder(Types.QUERY_PARAMETERS, "QUERY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("The query parameters, each read as the JSON type its property declares.\n")
          .initializer(queryReading())
          .build());
    }
    return out;
  }

  /** Whether {@code path} checks anything after converting the parameters. */
  boolean checksPath() {
    return !parameters.isEmpty();
  }

  /** The statements that check the converted parameters of the record in local {@code path}. */
  CodeBlock pathChecks() {
    CodeBlock.Builder code = CodeBlock.builder();
    parameters.forEach((p, constant) -> {
      String name = p.parameter().name();
      if (p.enumDecl() != null) {
        code.addStatement("$T.check($N, $S, path.$N().wireValue())", Types.PATH_CHECKS, constant, name,
            p.component());
        return;
      }
      String type = jsonType(p.parameter().schema().contract());
      if (p.kind() == TypeRef.ScalarKind.STRING && !type.equals("string")) {
        code.addStatement("$T.check($N, $S, path.$N(), $S)", Types.PATH_CHECKS, constant, name, p.component(), type);
      } else {
        code.addStatement("$T.check($N, $S, path.$N())", Types.PATH_CHECKS, constant, name, p.component());
      }
    });
    return code.build();
  }

  /** The route's {@code checkQuery}, or null when the channel's binding declares no query rules. */
  MethodSpec checkQuery() {
    if (query == null) {
      return null;
    }
    return MethodSpec.methodBuilder("checkQuery")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Types.mapOf(Types.listOf(Types.STRING)), "query")
        .addStatement("QUERY.check(query)")
        .build();
  }

  // Strings, the default, need no word; arrays say the type of their items.
  private CodeBlock queryReading() {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.of($N)", Types.QUERY_PARAMETERS, query).indent();
    JsonNode properties = resolve(plan.channel().query().contract()).path("properties");
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String type = jsonType(property.getValue());
      if (type.equals("array")) {
        code.add("\n.values($S, $S)", property.getKey(), jsonType(resolve(property.getValue()).path("items")));
      } else if (!type.equals("string")) {
        code.add("\n.value($S, $S)", property.getKey(), type);
      }
    }
    return code.unindent().build();
  }

  /**
   * Whether a parameter's contract says more than its Java type holds: anything but its own
   * {@code type}, and an {@code enum} that became a Java enum. A reference is checked.
   */
  private static boolean beyondType(ParameterPlan p, JsonNode contract) {
    if (!constrains(contract)) {
      return false;
    }
    if (!contract.isObject()) {
      return true; // false: no value fits
    }
    String held = p.enumDecl() != null || p.kind() == TypeRef.ScalarKind.STRING ? "string" : "integer";
    for (Iterator<Map.Entry<String, JsonNode>> it = contract.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> keyword = it.next();
      boolean holds = switch (keyword.getKey()) {
        case "type" -> keyword.getValue().asText().equals(held);
        case "enum" -> p.enumDecl() != null;
        default -> false;
      };
      if (!holds) {
        return true;
      }
    }
    return false;
  }

  private static boolean constrains(JsonNode contract) {
    return contract != null && (contract.isObject() ? !contract.isEmpty() : !contract.asBoolean());
  }

  /** The JSON type a value of the schema is read as: its one type other than null, else a string. */
  private String jsonType(JsonNode contract) {
    JsonNode type = resolve(contract).path("type");
    if (type.isTextual()) {
      return type.asText();
    }
    String found = "string";
    for (JsonNode t : type) {
      if (t.asText().equals("string")) {
        return "string";
      }
      found = t.asText().equals("null") ? found : t.asText();
    }
    return found;
  }

  /** The contract a reference leads to, following chains; the contract itself when it is none. */
  private JsonNode resolve(JsonNode contract) {
    JsonNode current = contract;
    for (int hops = 0; current != null && current.has("$ref") && hops <= schemas.size(); hops++) {
      Schema target = schemas.get(current.get("$ref").asText());
      current = target != null ? target.contract() : null;
    }
    return current != null ? current : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
