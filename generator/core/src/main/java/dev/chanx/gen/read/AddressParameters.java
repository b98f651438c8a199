package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Parameter;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parameters of a channel address, in the order the address names them. */
final class AddressParameters {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  private AddressParameters() {}

  /** The placeholder names of an address, such as [group_name] for ws/chat/{group_name}/. */
  static Set<String> names(String address) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(address);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * The parameters of {@code address}, declared under the channel's {@code parameters} or not.
   *
   * @param addressAt where the address is written: its own field in 3.x, the channel's key in 2.x
   */
  static List<Parameter> read(ReadContext ctx, String channelKey, Location channel, Location addressAt,
      String address) {
    List<Parameter> out = new ArrayList<>();
    Location parameters = channel.child("parameters");
    List<String> declared = Nodes.keys(channel.node(), "parameters");
    if (address == null) {
      return out;
    }
    Set<String> names = names(address);
    for (String name : declared) {
      if (!names.contains(name)) {
        ctx.problems.at(parameters.child(name), "parameter '" + name + "' of channel '" + channelKey
            + "' is not in its address '" + address + "'",
            "Add {" + name + "} to the address, or remove the parameter.");
      }
    }
    for (String name : names) {
      if (declared.contains(name)) {
        RefResolver.Target target = ctx.refs.followAll(parameters.child(name), RefKind.PARAMETER);
        if (target != null) {
          out.add(parameter(ctx, name, target));
          continue;
        }
      }
      // An address placeholder needs no entry: it is a plain string.
      out.add(new Parameter(name, null,
          Schema.builder(addressAt.canonical()).type(JsonType.STRING).build()));
    }
    return out;
  }

  /**
   * A 3.0 parameter has no schema, only enum/default/description/examples of a string; its
   * contract is what those say: a string, of those values when it has an enum.
   */
  private static Parameter parameter(ReadContext ctx, String name, RefResolver.Target target) {
    JsonNode node = target.node();
    String description = Nodes.text(node, "description");
    if (node.path("schema").isObject()) {
      return withSchema(ctx, name, description, target.location().child("schema"));
    }
    Schema.Builder schema = Schema.builder(target.location().canonical()).type(JsonType.STRING)
        .description(description);
    ObjectNode contract = JsonNodeFactory.instance.objectNode().put("type", "string");
    if (node.path("enum").isArray()) {
      node.get("enum").forEach(schema::enumValue);
      contract.set("enum", node.get("enum"));
    }
    schema.contract(contract);
    if (node.has("default")) {
      schema.defaultValue(node.get("default"));
    }
    if (node.path("examples").isArray()) {
      node.get("examples").forEach(schema::example);
    }
    return new Parameter(name, description, schema.build());
  }

  /**
   * A 2.x parameter, whose {@code schema} says it all. Its description is the parameter's, else
   * the schema's, and the schema carries it too: what a 3.0 parameter gives its schema.
   */
  private static Parameter withSchema(ReadContext ctx, String name, String description, Location at) {
    Schema schema = ctx.schemas.readPayload(at);
    String said = description != null ? description : schema.description();
    if (schema.description() == null && said != null) {
      schema = schema.toBuilder().description(said).build();
    }
    return new Parameter(name, said, schema);
  }
}
