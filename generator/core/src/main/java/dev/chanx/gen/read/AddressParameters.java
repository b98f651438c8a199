package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.JsonNode;
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

  static List<Parameter> read(ReadContext ctx, String channelKey, Location channel, String address) {
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
          Schema.builder(channel.child("address").canonical()).type(JsonType.STRING).build()));
    }
    return out;
  }

  /** A 3.0 parameter has no schema, only enum/default/description/examples of a string. */
  private static Parameter parameter(ReadContext ctx, String name, RefResolver.Target target) {
    JsonNode node = target.node();
    String description = Nodes.text(node, "description");
    if (node.path("schema").isObject()) {
      return new Parameter(name, description, ctx.schemas.read(target.location().child("schema"))); // 2.x style
    }
    Schema.Builder schema = Schema.builder(target.location().canonical()).type(JsonType.STRING)
        .description(description);
    if (node.path("enum").isArray()) {
      node.get("enum").forEach(schema::enumValue);
    }
    if (node.has("default")) {
      schema.defaultValue(node.get("default"));
    }
    if (node.path("examples").isArray()) {
      node.get("examples").forEach(schema::example);
    }
    return new Parameter(name, description, schema.build());
  }
}
