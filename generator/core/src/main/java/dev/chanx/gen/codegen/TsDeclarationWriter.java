package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import dev.chanx.gen.codegen.ChannelPlan.ParameterPlan;
import dev.chanx.gen.codegen.ClientPlan.Received;
import dev.chanx.gen.codegen.JsChannel.Helper;
import java.util.List;

/**
 * Writes the TypeScript declarations beside a document's module: the runtime's types, then per
 * channel a namespace with one type per record, union and enum (the Java names, wire keys), the
 * channel's message unions, path and listener, and the client class with its typed helpers.
 */
final class TsDeclarationWriter {

  private final StringBuilder out = new StringBuilder();

  /** The declarations' text. */
  static String write(String source, String title, String module, List<JsChannel> channels) {
    TsDeclarationWriter writer = new TsDeclarationWriter();
    writer.line("// " + FileHeader.line(JsSource.comment(source)));
    writer.line("// Types of the clients of " + JsSource.comment(title) + ", for " + module + " beside this file.");
    writer.line("");
    writer.out.append(JsSource.resource("client-runtime.d.ts"));
    for (JsChannel channel : channels) {
      writer.namespace(channel);
      writer.client(channel);
    }
    for (JsChannel.TopicAccessor topic : JsChannel.distinctTopics(channels)) {
      writer.topicNamespace(topic);
    }
    return writer.out.toString();
  }

  /** A topic's types, which type its handles: its records, unions and enums, its message unions and parameters. */
  private void topicNamespace(JsChannel.TopicAccessor topic) {
    ChannelPlan plan = topic.topic();
    line("");
    line("/** The types of topic " + JsSource.comment(plan.channel().topic().name()) + " ("
        + JsSource.comment(topic.pattern()) + "). */");
    line("export declare namespace " + topic.namespace() + " {");
    decls(plan);
    ChannelPlan.Roles roles = plan.roles();
    line("  /** What a client may send on this topic. */");
    line("  export type " + roles.clientMessage().simpleName() + " = " + union(plan.clientMessages()) + ";");
    line("  /** What the server may send on this topic. */");
    line("  export type " + roles.serverMessage().simpleName() + " = " + union(plan.serverMessages()) + ";");
    line("}");
  }

  private void namespace(JsChannel channel) {
    ChannelPlan plan = channel.client().channel();
    line("");
    line("/** The types of channel " + JsSource.comment(plan.channel().key()) + " "
        + JsModuleWriter.at(plan.channel()) + ". */");
    line("export declare namespace " + channel.namespace() + " {");
    decls(plan);
    ChannelPlan.Roles roles = plan.roles();
    line("  /** What a client may send on this channel. */");
    line("  export type " + roles.clientMessage().simpleName() + " = " + union(plan.clientMessages()) + ";");
    line("  /** What the server may send on this channel. */");
    line("  export type " + roles.serverMessage().simpleName() + " = " + union(plan.serverMessages()) + ";");
    line("  /** The path parameters of " + (plan.channel().address() == null ? "the channel (none)"
        : JsSource.comment(plan.channel().address())) + ". */");
    line("  export interface " + roles.path().simpleName() + " {");
    for (ParameterPlan p : plan.parameters()) {
      String type = p.enumDecl() != null ? p.enumDecl().name().simpleName()
          : p.kind() == TypeRef.ScalarKind.STRING ? "string" : "number";
      line("    " + JsSource.key(p.parameter().name()) + ": " + type + ";");
    }
    line("  }");
    line("  /** Handlers of what the server sends, besides the connection's own. */");
    line("  export interface " + roles.listener().simpleName() + " extends ChanxHandlers {");
    for (Received received : channel.client().receives()) {
      if (received.answer() != null) {
        String reply = received.answer().simpleName();
        line("    /** The server's request: the value returned (or resolved) is sent back as the reply, with its ref. */");
        line("    " + received.method() + "?(message: " + received.decl().name().simpleName() + "): " + reply + " | null"
            + " | undefined | Promise<" + reply + " | null | undefined>;");
      } else {
        line("    " + received.method() + "?(message: " + received.decl().name().simpleName() + "): void;");
      }
    }
    line("  }");
    line("}");
  }

  /** One type per record, union and enum of a channel's or topic's messages. */
  private void decls(ChannelPlan plan) {
    for (Decl decl : plan.decls()) {
      doc("  ", decl.doc());
      if (decl instanceof RecordDecl record) {
        record(record);
      } else if (decl instanceof UnionDecl union) {
        line("  export type " + union.name().simpleName() + " = "
            + String.join(" | ", union.branches().stream().map(b -> b.name().simpleName()).toList()) + ";");
      } else if (decl instanceof EnumDecl enumDecl) {
        line("  export type " + enumDecl.name().simpleName() + " = "
            + String.join(" | ", enumDecl.wireValues().stream().map(JsSource::string).toList()) + ";");
      } else if (decl instanceof ValueDecl value) {
        // Binary frames arrive as bytes; any binary view or buffer may be sent.
        line("  export type " + value.name().simpleName() + " = " + (value.binary() ? "Uint8Array | ArrayBuffer"
            : type(value.type()) + (value.nullable() ? " | null" : "")) + ";");
      }
    }
  }

  private void record(RecordDecl record) {
    line("  export interface " + record.name().simpleName() + " {");
    for (Property p : record.wireOrder()) {
      if (p.doc() != null) {
        doc("    ", List.of(p.doc()));
      }
      String type = switch (p.role()) {
        case CONSTANT -> JsSource.string(p.constant()) + (p.nullable() ? " | null" : "");
        case NULL -> "null";
        case COMPONENT -> type(p.type()) + (p.nullable() ? " | null" : "");
      };
      line("    " + JsSource.key(p.wireName()) + (p.required() ? "" : "?") + ": " + type + ";");
    }
    line("  }");
  }

  private void client(JsChannel channel) {
    ChannelPlan plan = channel.client().channel();
    ChannelPlan.Roles roles = plan.roles();
    String ns = channel.namespace() + ".";
    String options = "ChanxClientOptions & { path" + (plan.parameters().isEmpty() ? "?" : "") + ": " + ns
        + roles.path().simpleName() + " }";
    String handlers = "handlers?: " + ns + roles.listener().simpleName();
    line("");
    line("/** A client of channel " + JsSource.comment(plan.channel().key()) + ". */");
    line("export declare class " + channel.className() + " extends ChanxClient<" + ns
        + roles.clientMessage().simpleName() + ", " + ns + roles.serverMessage().simpleName() + "> {");
    line("  constructor(options: " + options + ", " + handlers + ");");
    for (Helper helper : channel.sends()) {
      line("  /** Sends " + what(helper) + ". */");
      line("  " + helper.method() + "(" + parameter(ns, helper) + "): void;");
    }
    for (Helper helper : channel.requests()) {
      line("  /** Sends " + what(helper) + " with a fresh ref; resolves with the reply that carries it. */");
      line("  " + helper.method() + "(" + parameter(ns, helper) + "): Promise<"
          + String.join(" | ", helper.replies().stream().map(r -> ns + r.simpleName()).toList()) + ">;");
    }
    for (JsChannel.TopicAccessor topic : channel.topics()) {
      line("  /** The topic " + JsSource.comment(topic.pattern()) + " on this connection. */");
      line("  " + topic.method() + "(" + String.join(", ", topic.parameters().stream().map(p -> p + ": string | number")
          .toList()) + "): ChanxTopic<" + topic.namespace() + "." + topic.topic().roles().clientMessage().simpleName()
          + ", " + topic.namespace() + "." + topic.topic().roles().serverMessage().simpleName() + ">;");
    }
    line("}");
    line("");
    line("/** Connects to channel " + JsSource.comment(plan.channel().key()) + ". */");
    line("export declare function " + channel.connect() + "(options: " + options + ", " + handlers + "): "
        + channel.className() + ";");
  }

  private static String what(Helper helper) {
    return helper.tagProperty() != null ? "`" + JsSource.comment(helper.tagProperty().constant()) + "`"
        : helper.decl().name().simpleName();
  }

  private static String parameter(String ns, Helper helper) {
    String type = ns + helper.decl().name().simpleName();
    Property tag = helper.tagProperty();
    if (tag == null) {
      return "message: " + type;
    }
    boolean anyRequired = ((RecordDecl) helper.decl()).properties().stream().anyMatch(p -> p != tag && p.required());
    return "fields" + (anyRequired ? "" : "?") + ": Omit<" + type + ", " + JsSource.string(tag.wireName()) + ">";
  }

  private static String union(List<MessagePlan> messages) {
    List<String> names = messages.stream().map(m -> m.decl().name()).distinct().map(ClassName::simpleName).toList();
    return names.isEmpty() ? "never" : String.join(" | ", names);
  }

  // Inside a namespace a declared type may shadow a global one, so none is used there: arrays and
  // maps are written with brackets.
  static String type(TypeRef type) {
    if (type instanceof TypeRef.Named named) {
      return named.name().simpleName();
    }
    if (type instanceof TypeRef.ListOf list) {
      String item = type(list.item()) + (list.itemNullable() ? " | null" : "");
      return (item.contains(" ") ? "(" + item + ")" : item) + "[]";
    }
    if (type instanceof TypeRef.MapOf map) {
      return "{ [key: string]: " + type(map.value()) + (map.valueNullable() ? " | null" : "") + " }";
    }
    return switch (((TypeRef.Scalar) type).kind()) {
      case INT32, INT64, FLOAT64, DECIMAL -> "number";
      case BOOLEAN -> "boolean";
      case JSON -> "unknown";
      default -> "string";
    };
  }

  private void doc(String indent, List<String> paragraphs) {
    if (!paragraphs.isEmpty()) {
      line(indent + "/** " + JsSource.comment(paragraphs.get(0)) + " */");
    }
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
