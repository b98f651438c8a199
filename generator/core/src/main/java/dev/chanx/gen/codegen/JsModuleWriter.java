package dev.chanx.gen.codegen;

import dev.chanx.gen.codegen.JsChannel.Helper;
import dev.chanx.gen.codegen.JsChannel.Route;
import java.util.List;

/**
 * Writes the JavaScript module of a document: the client runtime, then per channel a frozen table
 * of its address and routes, a client class with one typed helper per message, and a connect
 * function. Plain ES2022, no imports, no build step.
 */
final class JsModuleWriter {

  private final StringBuilder out = new StringBuilder();

  /** The module's text. */
  static String write(String source, String title, String declarations, List<JsChannel> channels) {
    JsModuleWriter writer = new JsModuleWriter();
    writer.line("// " + FileHeader.line(JsSource.comment(source)));
    writer.line("// Typed clients of " + JsSource.comment(title) + ", one class per channel; types in "
        + declarations + ".");
    writer.line("");
    writer.out.append(JsSource.resource("client-runtime.js"));
    for (JsChannel channel : channels) {
      writer.channel(channel);
    }
    return writer.out.toString();
  }

  private void channel(JsChannel channel) {
    ChannelPlan plan = channel.client().channel();
    String key = JsSource.comment(plan.channel().key());
    line("");
    line("// Channel " + key + " " + at(plan.channel()));
    line("");
    line("const " + channel.table() + " = Object.freeze({");
    // Without an address, options.url is the channel's endpoint itself.
    line("  address: " + JsSource.string(plan.channel().address() == null ? "" : plan.channel().address()) + ",");
    line("  receives: [");
    for (Route route : channel.routes()) {
      line("    [" + JsSource.string(route.property()) + ", " + JsSource.string(route.value()) + ", "
          + JsSource.string(route.handler()) + "],");
    }
    line("  ],");
    line("  keys: [");
    for (Route wrapper : channel.keys()) {
      line("    [" + JsSource.string(wrapper.property()) + ", " + JsSource.string(wrapper.handler()) + "],");
    }
    line("  ],");
    if (channel.untagged().isEmpty()) {
      line("  untagged: [],");
    } else {
      line("  untagged: [");
      for (JsChannel.Untagged untagged : channel.untagged()) {
        line("    [" + JsSource.string(untagged.handler()) + ", " + JsSource.json(untagged.schema()) + "],");
      }
      line("  ],");
    }
    if (channel.defs().isEmpty()) {
      line("  defs: {},");
    } else {
      line("  defs: {");
      channel.defs().forEach((name, schema) -> line("    " + JsSource.string(name) + ": " + JsSource.json(schema) + ","));
      line("  },");
    }
    line("  answers: [" + String.join(", ", channel.answers().stream().map(JsSource::string).toList()) + "],");
    if (!channel.values().isEmpty()) {
      line("  values: [");
      for (List<String> value : channel.values()) {
        line("    [" + JsSource.string(value.get(0)) + ", " + JsSource.string(value.get(1)) + "],");
      }
      line("  ],");
    }
    if (channel.binary() != null) {
      line("  binary: " + JsSource.string(channel.binary()) + ",");
    }
    line("});");
    line("");
    line("/** A client of channel " + key + ": ChanxClient with one typed helper per message. */");
    line("export class " + channel.className() + " extends ChanxClient {");
    line("  constructor(options, handlers) {");
    line("    super(" + channel.table() + ", options, handlers);");
    line("  }");
    for (Helper helper : channel.sends()) {
      line("");
      line("  /** Sends " + what(helper) + ". */");
      line("  " + helper.method() + "(" + parameter(helper) + ") {");
      line("    this.send(" + frame(helper) + ");");
      line("  }");
    }
    for (Helper helper : channel.requests()) {
      line("");
      line("  /** Sends " + what(helper) + " with a fresh ref; resolves with the reply that carries it. */");
      line("  " + helper.method() + "(" + parameter(helper) + ") {");
      line("    return this.request(" + frame(helper) + ");");
      line("  }");
    }
    for (JsChannel.TopicAccessor topic : channel.topics()) {
      line("");
      line("  /** The topic " + JsSource.comment(topic.pattern()) + " on this connection. */");
      line("  " + topic.method() + "(" + String.join(", ", topic.parameters()) + ") {");
      line("    return this.topic(" + topic.expression() + ");");
      line("  }");
    }
    line("}");
    line("");
    line("/** Connects to channel " + key + ". */");
    line("export function " + channel.connect() + "(options, handlers) {");
    line("  return new " + channel.className() + "(options, handlers);");
    line("}");
  }

  /** {@code at ws/chat/{group_name}/}, or {@code without an address (options.url is its endpoint)}. */
  static String at(dev.chanx.gen.model.Channel channel) {
    return channel.address() == null ? "without an address (options.url is its endpoint)"
        : "at " + JsSource.comment(channel.address());
  }

  private static String what(Helper helper) {
    return helper.tagProperty() != null ? JsSource.comment(helper.tagProperty().constant())
        : helper.decl().name().simpleName();
  }

  private static String parameter(Helper helper) {
    return helper.tagProperty() != null ? "fields" : "message";
  }

  private static String frame(Helper helper) {
    Property tag = helper.tagProperty();
    return tag == null ? "message"
        : "{ " + JsSource.key(tag.wireName()) + ": " + JsSource.string(tag.constant()) + ", ...fields }";
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
