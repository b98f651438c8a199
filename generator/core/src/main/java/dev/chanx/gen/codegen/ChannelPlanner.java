package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.chanx.core.presence.PresenceFrames;
import dev.chanx.gen.SpecProblem;
import dev.chanx.gen.codegen.ChannelPlan.InterfacePlan;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import dev.chanx.gen.codegen.ChannelPlan.OperationPlan;
import dev.chanx.gen.codegen.ChannelPlan.ParameterPlan;
import dev.chanx.gen.codegen.ChannelPlan.PushPlan;
import dev.chanx.gen.codegen.Shapes.Kind;
import dev.chanx.gen.codegen.Shapes.Shape;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Parameter;
import dev.chanx.gen.model.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans one channel: names every type, maps every schema it reaches to Java and decides the
 * handler and publisher methods. Names are handed out in one fixed walk (role types, client
 * messages, server messages, what they reach depth-first, operation interfaces, path enums, the
 * client's and the pushes' role types, push interfaces), so the same document always gets the
 * same names.
 */
final class ChannelPlanner {

  /** Methods a generated record already has: Message's, JsonWritable's and Object's. */
  static final List<String> TAKEN_MEMBERS = List.of(
      "wireTag", "writeFields", "writeJson", "hashCode", "toString", "equals", "getClass", "notify",
      "notifyAll", "wait", "clone", "finalize");

  private final ApiModel model;
  private final Channel channel;
  private final String packageName;
  private final Shapes shapes;
  private final List<SpecProblem> problems;
  private final Names typeNames = Names.types(Types.TAKEN_SIMPLE_NAMES);
  private final TypePlanner types;
  private final Map<String, Decl> byMessage = new LinkedHashMap<>();
  // Messages whose frame is a bare constant: the value reader checks its type, the contract the constant.
  private final Set<String> constantValues = new HashSet<>();
  private final Sides sides;
  // The handler's methods: receive operations first, then the transforms of send operations.
  private final Names handlerMethods = Names.members(List.of("onConnect", "onDisconnect", "hashCode", "equals",
      "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize"));

  /**
   * Which ends of the channel get Java: the server reads what clients send and a Java client reads
   * what the server sends, so each side decides what the channel's reader reads.
   */
  record Sides(boolean server, boolean client) {}

  private ChannelPlanner(ApiModel model, Channel channel, String packageName, List<SpecProblem> problems,
      Sides sides) {
    this.model = model;
    this.channel = channel;
    this.packageName = packageName;
    this.shapes = new Shapes(model);
    this.problems = problems;
    this.sides = sides;
    this.types = new TypePlanner(model.source(), packageName, shapes, typeNames, problems);
  }

  /** Plans a channel, adding what cannot be generated to {@code problems}. */
  static ChannelPlan plan(ApiModel model, Channel channel, String packageName, List<SpecProblem> problems,
      Sides sides) {
    return new ChannelPlanner(model, channel, packageName, problems, sides).plan();
  }

  private ChannelPlan plan() {
    String prefix = Names.upperCamel(channel.key(), "Channel");
    ClassName clientMessage = role(prefix + "ClientMessage");
    ClassName serverMessage = role(prefix + "ServerMessage");
    ClassName handler = role(prefix + "Handler");
    ClassName dispatcher = role(prefix + "Dispatcher");
    ClassName route = role(prefix + "Route");
    // A topic's parameters come from its pattern, not from a path.
    ClassName path = role(prefix + (channel.topic() != null ? "Params" : "Path"));
    ClassName reader = role(prefix + "Reader");
    // The client's and the pushes' role names are given out last, below.
    ChannelPlan.Roles roles = new ChannelPlan.Roles(clientMessage, serverMessage, handler, dispatcher, route, path,
        reader, null, null, null, null, null, null);

    List<MessagePlan> client = messages(channel.clientMessages(), roles.clientMessage());
    List<MessagePlan> server = messages(channel.serverMessages(), roles.serverMessage());
    checkTags(client);
    List<InterfacePlan> interfaces = new ArrayList<>();
    List<OperationPlan> operations = operations(roles, interfaces);
    List<ParameterPlan> parameters = parameters();
    roles = new ChannelPlan.Roles(clientMessage, serverMessage, handler, dispatcher, route, path, reader,
        role(prefix + "Client"), role(prefix + "Listener"), role(prefix + "ServerMessageDecoder"),
        role(prefix + (channel.topic() != null ? (prefix.endsWith("Topic") ? "" : "Topic") : "Publisher")),
        role(prefix + "Events"),
        channel.sends().stream().anyMatch(op -> !op.replies().isEmpty()) ? role(prefix + "Requests") : null);
    List<PushPlan> pushes = pushes(roles, interfaces);
    describeUse(roles, operations, pushes);
    if (sides.server()) {
      client.forEach(m -> markReadable(m.decl()));
    }
    // The server decodes its own pushes where they are delivered, to transform them per connection.
    if (sides.client() || (sides.server() && !pushes.isEmpty())) {
      server.forEach(m -> markReadable(m.decl()));
    }
    if (sides.server()) {
      checkBinary(client, "clients send");
    }
    if (sides.client()) {
      checkBinary(server, "the server sends");
    }
    // Binary data has no schema to check it against.
    List<dev.chanx.gen.model.Message> read = new ArrayList<>();
    if (sides.server()) {
      client.stream().filter(m -> !isBinary(m)).forEach(m -> read.add(m.message()));
    }
    if (sides.client() || (sides.server() && !pushes.isEmpty())) {
      server.stream().filter(m -> !isBinary(m)).forEach(m -> read.add(m.message()));
    }
    // Named last, and only when needed, so that it never takes a name another type had.
    ContractPlan contracts = ContractPlan.of(read, model.schemas(), m -> constantValues.contains(m.pointer()),
        () -> role(prefix + "Schemas"));
    return new ChannelPlan(channel, packageName, prefix, roles, types.decls(), client, server,
        operations, pushes, interfaces, parameters, sides.server(), sides.client(), contracts);
  }

  private ClassName role(String name) {
    return ClassName.get(packageName, typeNames.allocate(name));
  }

  // Messages

  private List<MessagePlan> messages(List<Message> messages, ClassName channelInterface) {
    List<MessagePlan> out = new ArrayList<>();
    for (Message message : messages) {
      Decl decl = messageDecl(message);
      if (decl != null) {
        decl.addSupertype(channelInterface);
        out.add(new MessagePlan(message, decl));
      }
    }
    return out;
  }

  private Decl messageDecl(Message message) {
    Decl known = byMessage.get(message.pointer());
    if (known != null) {
      return known;
    }
    Schema resolved = shapes.resolve(message.payload());
    if (isText(message)) {
      return null;
    }
    if (message.binary(resolved)) {
      return valueDecl(message, null, false);
    }
    Shape shape = shapes.ofFrame(message.payload());
    if (shape.kind() == Kind.MAP || shape.kind() == Kind.NULL) {
      Shapes.NotAFrame why = shapes.whyNotAFrame(message.payload());
      String property = channel.discriminator() == null ? "" : " with its '" + channel.discriminator() + "' property";
      problems.add(new SpecProblem(model.source(), why.pointer(), 0,
          "message '" + message.key() + "' can't be generated: its payload is " + why.what()
              + ", which tells a frame nothing",
          "Describe the frame as an object" + property + ", a oneOf of objects, or the JSON value it is."));
      return null;
    }
    if (shape.kind() != Kind.RECORD && shape.kind() != Kind.UNION) {
      if (shape.kind() == Kind.CONSTANT) {
        constantValues.add(message.pointer());
      }
      return valueDecl(message, types.valueType(shape, Names.upperCamel(message.key(), "Message") + "Value"),
          shape.nullable());
    }
    Decl decl = types.decl(shape, Names.upperCamel(message.key(), "Message"), Docs.paragraphs(
        message.summary(), message.title(), message.description(), shape.schema().description()));
    markFrame(decl);
    decl.addExamples(message.examples());
    byMessage.put(message.pointer(), decl);
    return decl;
  }

  // Text that is not JSON has no typed form here; it is refused rather than read as binary data.
  private boolean isText(Message message) {
    String type = message.contentType();
    if (type == null || Message.isJson(type) || !type.trim().toLowerCase(Locale.ROOT).startsWith("text/")) {
      return false;
    }
    problems.add(new SpecProblem(model.source(), message.pointer() + "/contentType", 0,
        "message '" + message.key() + "' can't be generated: its content type '" + type + "' is text that is not"
            + " JSON",
        "Frames are JSON text or binary data: use application/json with a string payload, or a binary content"
            + " type."));
    return true;
  }

  /** The record of a frame that is one JSON value of {@code type}, or binary data when it is null. */
  private Decl valueDecl(Message message, TypeRef type, boolean nullable) {
    Schema resolved = shapes.resolve(message.payload());
    ValueDecl decl = new ValueDecl(ClassName.get(packageName, typeNames.allocate(Names.upperCamel(message.key(),
        "Message"))), resolved, Docs.paragraphs(message.summary(), message.title(), message.description(),
        resolved.description()), type, nullable);
    decl.markFrame();
    if (type != null) {
      decl.addExamples(message.examples());
    }
    types.add(decl);
    byMessage.put(message.pointer(), decl);
    return decl;
  }

  private void markFrame(Decl decl) {
    markFrame(decl, null);
  }

  // A frame is named by the channel's discriminator; a branch of a message's oneOf may instead
  // be named by the union's own discriminator when the channel has none in common.
  private void markFrame(Decl decl, String unionDiscriminator) {
    decl.markFrame();
    if (decl instanceof RecordDecl record) {
      String name = channel.discriminator();
      if (unionDiscriminator != null && !hasConstant(record, name)) {
        name = unionDiscriminator;
      }
      record.discriminator(name);
    } else if (decl instanceof UnionDecl union) {
      union.branches().forEach(b -> markFrame(b, union.discriminator()));
    }
  }

  private static boolean hasConstant(RecordDecl record, String property) {
    return property != null && record.properties().stream()
        .anyMatch(p -> p.role() == Property.Role.CONSTANT && p.wireName().equals(property));
  }

  static boolean isBinary(MessagePlan m) {
    return m.decl() instanceof ValueDecl value && value.binary();
  }

  // A binary frame carries nothing that names its message: one binary message per direction.
  private void checkBinary(List<MessagePlan> messages, String who) {
    List<MessagePlan> binary = messages.stream().filter(ChannelPlanner::isBinary).toList();
    if (binary.size() > 1) {
      problems.add(new SpecProblem(model.source(), binary.get(1).message().pointer(), 0,
          "messages '" + binary.get(0).message().key() + "' (" + binary.get(0).message().pointer() + ") and '"
              + binary.get(1).message().key() + "' of channel '" + channel.key() + "' can't both be generated: both"
              + " are binary data that " + who + ", and a binary frame carries nothing that tells them apart",
          "Declare one binary message for each direction of a channel, or move one to a channel of its own."));
    }
  }

  private void checkTags(List<MessagePlan> client) {
    Map<String, Message> byTag = new HashMap<>();
    for (MessagePlan plan : client) {
      for (String tag : plan.message().tags()) {
        Message other = byTag.putIfAbsent(tag, plan.message());
        if (other == null || other == plan.message()) {
          continue;
        }
        problems.add(new SpecProblem(model.source(), plan.message().pointer(), 0,
            "messages '" + other.key() + "' and '" + plan.message().key() + "' of channel '" + channel.key()
                + "' can't both be generated: both use " + channel.discriminator() + " '" + tag + "'",
            "Give each message its own constant."));
        break;
      }
    }
  }

  private void markReadable(Decl decl) {
    if (decl.readable()) {
      return;
    }
    decl.markReadable();
    if (decl instanceof UnionDecl union) {
      union.branches().forEach(this::markReadable);
    } else if (decl instanceof RecordDecl record) {
      for (Property p : record.components()) {
        markReadable(p.type());
      }
    } else if (decl instanceof ValueDecl value && !value.binary()) {
      markReadable(value.type());
    }
  }

  private void markReadable(TypeRef type) {
    if (type instanceof TypeRef.Named named) {
      markReadable(named.decl());
    } else if (type instanceof TypeRef.ListOf list) {
      markReadable(list.item());
    } else if (type instanceof TypeRef.MapOf map) {
      markReadable(map.value());
    }
  }

  // Says on each message type who sends it and which handler method takes or returns it; without
  // the server's files there is no handler to link to, so the operation is named instead.
  private void describeUse(ChannelPlan.Roles roles, List<OperationPlan> operations, List<PushPlan> pushes) {
    for (OperationPlan op : operations) {
      String method = handlerMethod(roles, op.method(), op.operation());
      op.handles().forEach(m -> m.decl().addUsage("A client sends it; " + method + " handles it."));
      for (Message reply : op.operation().replies()) {
        Decl decl = byMessage.get(reply.pointer());
        if (decl != null) {
          decl.addUsage("The server sends it back as the reply of " + method + ".");
        }
      }
    }
    for (Operation op : channel.sends()) {
      for (Message m : op.messages()) {
        if (byMessage.get(m.pointer()) instanceof ValueDecl value && value.binary()) {
          value.addUsage(sides.server() ? "The server sends it to one connection with {@code Connection.send}, in a"
              + " binary frame; publishers and groups carry no binary data."
              : "The server sends it (operation " + Docs.code(op.key()) + "), in a binary frame.");
        }
      }
    }
    for (PushPlan push : pushes) {
      String usage = sides.server()
          ? "The server pushes it with {@link " + roles.publisher().simpleName() + "#" + push.push() + "} or {@link "
              + roles.publisher().simpleName() + "#" + push.broadcast() + "}; {@link " + roles.handler().simpleName()
              + "#" + push.transform() + "} may transform it for each connection."
          : "The server pushes it to clients (operation " + Docs.code(push.operation().key()) + ").";
      push.messages().forEach(m -> m.decl().addUsage(usage));
      if (push.isRequest() && sides.server()) {
        String answer = "A client sends it back as the reply to {@link " + roles.requests().simpleName() + "#"
            + push.request() + "}.";
        push.replies().forEach(m -> m.decl().addUsage(answer));
      }
    }
  }

  private String handlerMethod(ChannelPlan.Roles roles, String method, Operation operation) {
    return sides.server() ? "{@link " + roles.handler().simpleName() + "#" + method + "}"
        : "operation " + Docs.code(operation.key());
  }

  // Operations

  private List<OperationPlan> operations(ChannelPlan.Roles roles, List<InterfacePlan> interfaces) {
    Set<String> handled = new HashSet<>();
    List<OperationPlan> out = new ArrayList<>();
    for (Operation op : channel.receives()) {
      List<MessagePlan> mine = new ArrayList<>();
      for (Message m : op.messages()) {
        Decl decl = byMessage.get(m.pointer());
        if (decl != null && handled.add(m.pointer())) {
          mine.add(new MessagePlan(m, decl));
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      String method = handlerMethods.allocate(Names.lowerCamel(op.key(), "handle"));
      String opName = Names.upperCamel(op.key(), "Operation");
      ClassName parameter = mine.size() == 1 ? mine.get(0).decl().name()
          : group(opName + "Request", roles.clientMessage(), mine, interfaces,
              "What a client may send to " + handlerMethod(roles, method, op) + ".");
      List<MessagePlan> replies = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Message m : op.replies()) {
        Decl decl = byMessage.get(m.pointer());
        if (decl != null && seen.add(m.pointer())) {
          replies.add(new MessagePlan(m, decl));
        }
      }
      TypeName returns = replies.isEmpty() ? null
          : replies.size() == 1 ? replies.get(0).decl().name()
          : group(opName + "Reply", roles.serverMessage(), replies, interfaces,
              "What " + handlerMethod(roles, method, op) + " may send back to the sender.");
      out.add(new OperationPlan(op, method, parameter, List.copyOf(mine), returns));
    }
    return out;
  }

  // Pushes

  /** Words that start a send operation's key without naming what it pushes: Chanx's handle_job_result. */
  private static final Set<String> PUSH_VERBS = Set.of("handle", "on", "send", "push", "broadcast", "publish", "emit");

  /** Methods every generated publisher already has: its factories and Object's. */
  private static final List<String> PUBLISHER_METHODS = List.of("of", "hashCode", "equals", "toString", "getClass",
      "notify", "notifyAll", "wait", "clone", "finalize");

  // Names each send operation after what it pushes, its key without a leading verb
  // (handle_job_result: onJobResult, pushJobResult, broadcastJobResult); a message pushed by an
  // earlier operation is left to that one.
  private List<PushPlan> pushes(ChannelPlan.Roles roles, List<InterfacePlan> interfaces) {
    Names publisherMethods = Names.members(PUBLISHER_METHODS);
    Names requestMethods = Names.members(PUBLISHER_METHODS);
    Set<String> pushed = new HashSet<>();
    List<PushPlan> out = new ArrayList<>();
    for (Operation op : channel.sends()) {
      if (PresenceFrames.isPresenceOperation(op.key())) {
        // The runtime sends presence frames itself: the channel's ...Presence class, not a publisher.
        continue;
      }
      List<MessagePlan> mine = new ArrayList<>();
      for (Message m : op.messages()) {
        Decl decl = byMessage.get(m.pointer());
        // Publishers and groups carry text frames through the channel layer: binary data goes
        // to one connection, with Connection.send.
        if (decl != null && !(decl instanceof ValueDecl value && value.binary()) && pushed.add(m.pointer())) {
          mine.add(new MessagePlan(m, decl));
        }
      }
      if (mine.isEmpty()) {
        continue;
      }
      String event = eventWords(op.key());
      String transform = handlerMethods.allocate(Names.lowerCamel("on " + event, "onEvent"));
      String push = publisherMethods.allocate(Names.lowerCamel("push " + event, "push"));
      String broadcast = publisherMethods.allocate(Names.lowerCamel("broadcast " + event, "broadcast"));
      ClassName type = mine.size() == 1 ? mine.get(0).decl().name()
          : group(Names.upperCamel(event + " event", "Event"), roles.serverMessage(), mine, interfaces,
              "What {@link " + roles.publisher().simpleName() + "#" + push + "} pushes and {@link "
                  + roles.handler().simpleName() + "#" + transform + "} transforms.");
      List<MessagePlan> replies = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Message m : op.replies()) {
        Decl decl = byMessage.get(m.pointer());
        if (decl != null && seen.add(m.pointer())) {
          replies.add(new MessagePlan(m, decl));
        }
      }
      ClassName reply = replies.isEmpty() ? null
          : replies.size() == 1 ? replies.get(0).decl().name() : roles.clientMessage();
      String request = replies.isEmpty() ? null : requestMethods.allocate(Names.lowerCamel("request " + event, "request"));
      out.add(new PushPlan(op, type, List.copyOf(mine), transform, push, broadcast, List.copyOf(replies), reply,
          request));
    }
    return out;
  }

  private static String eventWords(String key) {
    List<String> words = Names.words(key);
    if (words.size() > 1 && PUSH_VERBS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
      words = words.subList(1, words.size());
    }
    return String.join(" ", words);
  }

  private ClassName group(String name, ClassName parent, List<MessagePlan> members,
      List<InterfacePlan> interfaces, String doc) {
    ClassName group = ClassName.get(packageName, typeNames.allocate(name));
    List<ClassName> permits = new ArrayList<>();
    for (MessagePlan m : members) {
      // The group extends the channel interface, so the message needs only the group.
      m.decl().narrowSupertype(parent, group);
      permits.add(m.decl().name());
    }
    interfaces.add(new InterfacePlan(group, parent, List.copyOf(permits), doc));
    return group;
  }

  // Path parameters

  private List<ParameterPlan> parameters() {
    Names components = Names.members(TAKEN_MEMBERS);
    List<ParameterPlan> out = new ArrayList<>();
    for (Parameter p : channel.parameters()) {
      String component = components.allocate(Names.lowerCamel(p.name(), "value"));
      Schema schema = shapes.resolve(p.schema());
      List<String> values = Shapes.stringEnum(schema);
      if (!values.isEmpty()) {
        Names constants = Names.members(List.of());
        EnumDecl enumDecl = new EnumDecl(
            ClassName.get(packageName, typeNames.allocate(Names.upperCamel(p.name(), "Parameter"))), schema,
            List.of("The values of path parameter " + Docs.code(p.name()) + "."), values,
            values.stream().map(v -> constants.allocate(Names.upperSnake(v, "EMPTY"))).toList());
        types.add(enumDecl);
        out.add(new ParameterPlan(p, component, null, enumDecl));
      } else if (schema.types().contains(JsonType.INTEGER)) {
        out.add(new ParameterPlan(p, component,
            "int32".equals(schema.format()) ? TypeRef.ScalarKind.INT32 : TypeRef.ScalarKind.INT64, null));
      } else {
        out.add(new ParameterPlan(p, component, TypeRef.ScalarKind.STRING, null));
      }
    }
    return out;
  }
}
