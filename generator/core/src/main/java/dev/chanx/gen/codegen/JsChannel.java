package dev.chanx.gen.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import dev.chanx.gen.codegen.ChannelPlan.MessagePlan;
import dev.chanx.gen.codegen.ClientPlan.Received;
import dev.chanx.gen.codegen.ClientPlan.Request;
import dev.chanx.gen.codegen.ClientPlan.Sent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One channel as the JavaScript module and its declarations name it: a namespace for its types,
 * a client class with typed helpers, a connect function and the table that routes incoming frames
 * to handlers. The handlers and helpers take the Java client's names.
 *
 * @param client the channel's client plan
 * @param namespace the declarations' namespace of its types, such as {@code Chat}
 * @param className the client class, such as {@code ChatClient}
 * @param connect the function that makes one, such as {@code connectChat}
 * @param table the constant holding the channel's address and routes, such as {@code CHAT}
 * @param routes the property and value that pick each incoming handler, first match wins
 * @param keys the top-level key that picks a message no value picks (a wrapper such as {@code
 *     subscribe}), when the frame has it
 * @param untagged the handlers of messages neither a value nor a key picks, each with the schema
 *     of its frame: the first whose schema the frame fits takes it, as the Java client does
 * @param defs the named schemas those schemas refer to ({@code {"$ref": key}}), by key
 * @param values the JSON type ({@code array}, {@code string}, {@code number}, {@code boolean}, or
 *     {@code any}) and handler of each message whose frame is a JSON value, not an object; the
 *     first whose type fits takes the value
 * @param binary the handler of binary frames, or null when the server sends no binary data
 * @param sends one helper per type a client may send
 * @param requests one helper per type sent with a ref to an operation that replies
 * @param answers the handlers whose return value answers a request of the server's
 * @param topics one accessor per topic at the channel's address, such as {@code room(roomName)}
 */
record JsChannel(ClientPlan client, String namespace, String className, String connect, String table,
    List<Route> routes, List<Route> keys, List<Untagged> untagged, java.util.Map<String, JsonNode> defs,
    List<List<String>> values, String binary, List<Helper> sends, List<Helper> requests, List<String> answers,
    List<TopicAccessor> topics) {

  /**
   * A method that returns the handle of a topic: {@code room(roomName)} returns {@code
   * this.topic("room:" + roomName)}.
   *
   * @param method its name
   * @param parameters its parameters, the pattern's in order
   * @param expression the topic string, as a JavaScript expression of the parameters
   * @param pattern the topic's pattern, for its comment
   * @param namespace the declarations' namespace of the topic's types, such as {@code Room}
   * @param topic the topic's plan: its messages type the handle
   */
  record TopicAccessor(String method, List<String> parameters, String expression, String pattern, String namespace,
      ChannelPlan topic) {}

  /** {@return the same channel with its topic accessors} */
  private JsChannel withTopics(List<TopicAccessor> accessors) {
    return new JsChannel(client, namespace, className, connect, table, routes, keys, untagged, defs, values, binary,
        sends, requests, answers, List.copyOf(accessors));
  }

  /** Identifiers the module or its declarations use at top level, never given to a channel. */
  static final List<String> RESERVED = List.of("ChanxError", "ChanxClient", "ChanxTopic", "ChanxValidationError",
      "ChanxErrorFrame", "ChanxReconnect", "ChanxClientOptions", "ChanxCloseEvent", "ChanxHandlers",
      "errorFrame", "describe", "channelUrl", "fits", "isType", "same", "matches", "patterns", "RegExp",
      "reconnectPolicy", "forbidsRetry", "retryDelay", "Object", "Array", "JSON", "Math", "Map",
      "Promise", "String", "Number", "Boolean", "URL", "Error", "TypeError", "Omit", "Partial", "Record",
      "WebSocket", "globalThis", "console", "setTimeout", "clearTimeout", "encodeURIComponent", "Infinity");

  /** A frame that fits {@code schema} (a draft-07 contract, refs to {@code defs}) goes to {@code handler}. */
  record Untagged(String handler, JsonNode schema) {}

  /** An incoming frame whose {@code property} is {@code value} goes to {@code handler}. */
  record Route(String property, String value, String handler) {}

  /**
   * A typed helper method.
   *
   * @param method its name, such as {@code sendNewChatMessage}
   * @param decl the type of message it sends
   * @param tagProperty the constant it fills in, or null when it takes the whole message
   * @param replies what the reply may be (requests only)
   */
  record Helper(String method, Decl decl, Property tagProperty, List<ClassName> replies) {}

  /** The channels of a document, their top-level names given out in document order. */
  static List<JsChannel> of(List<ChannelPlan> plans) {
    Names topLevel = Names.members(RESERVED);
    List<JsChannel> out = new ArrayList<>();
    // Each channel's topics, by accessor name: made once every channel has its names, so that a
    // topic's namespace never takes a name a channel would have had.
    List<java.util.Map<String, ChannelPlan>> carried = new ArrayList<>();
    for (ChannelPlan plan : plans) {
      if (plan.isTopic()) {
        // Reached through the client of the channel at its address, never connected to alone.
        continue;
      }
      ClientPlan client = ClientPlan.of(plan);
      String namespace = topLevel.allocate(plan.prefix());
      String className = topLevel.allocate(plan.roles().client().simpleName());
      String connect = topLevel.allocate("connect" + plan.prefix());
      String table = topLevel.allocate(Names.upperSnake(plan.prefix(), "CHANNEL"));
      List<Route> routes = new ArrayList<>();
      List<Untagged> untagged = new ArrayList<>();
      List<Route> keys = new ArrayList<>();
      List<List<String>> values = new ArrayList<>();
      String binary = null;
      for (Received received : client.receives()) {
        if (received.decl() instanceof ValueDecl value && value.binary()) {
          binary = binary == null ? received.method() : binary;
        } else if (received.decl() instanceof ValueDecl value) {
          values.add(List.of(jsonType(value), received.method()));
        }
      }
      route(client, routes, keys, untagged);
      java.util.Map<String, JsonNode> defs = new java.util.LinkedHashMap<>();
      untagged.forEach(u -> defs(u.schema(), plan.contracts().schemas(), defs));
      List<Helper> sends = new ArrayList<>();
      for (Sent sent : client.sends()) {
        sends.add(new Helper("send" + sent.decl().name().simpleName(), sent.decl(), tag(sent.decl()), List.of()));
      }
      List<Helper> requests = new ArrayList<>();
      for (Request request : client.requests()) {
        for (Decl decl : request.sends()) {
          requests.add(new Helper("request" + decl.name().simpleName(), decl, tag(decl), request.replies()));
        }
      }
      Names members = Names.members(List.of("send", "request", "close", "topic", "url", "opened", "closed",
          "isOpen", "constructor"));
      sends.forEach(h -> members.allocate(h.method()));
      requests.forEach(h -> members.allocate(h.method()));
      java.util.Map<String, ChannelPlan> topics = new java.util.LinkedHashMap<>();
      for (ChannelPlan topic : TopicAccessors.carried(plan, plans)) {
        topics.put(members.allocate(Names.lowerCamel(topic.channel().topic().name(), "topic")), topic);
      }
      carried.add(topics);
      List<String> answers = client.receives().stream().filter(r -> r.answer() != null).map(r -> r.method())
          .toList();
      out.add(new JsChannel(client, namespace, className, connect, table, List.copyOf(routes), List.copyOf(keys),
          List.copyOf(untagged), java.util.Collections.unmodifiableMap(defs), List.copyOf(values), binary,
          List.copyOf(sends), List.copyOf(requests), answers, List.of()));
    }
    java.util.Map<ChannelPlan, String> namespaces = new java.util.IdentityHashMap<>();
    for (int i = 0; i < out.size(); i++) {
      List<TopicAccessor> accessors = new ArrayList<>();
      for (java.util.Map.Entry<String, ChannelPlan> topic : carried.get(i).entrySet()) {
        String namespace = namespaces.computeIfAbsent(topic.getValue(), t -> topLevel.allocate(t.prefix()));
        accessors.add(accessor(topic.getKey(), topic.getValue(), namespace));
      }
      out.set(i, out.get(i).withTopics(accessors));
    }
    return List.copyOf(out);
  }

  /** {@return the topics the channels carry, each once, in the order they are first carried} */
  static List<TopicAccessor> distinctTopics(List<JsChannel> channels) {
    java.util.Map<ChannelPlan, TopicAccessor> seen = new java.util.IdentityHashMap<>();
    List<TopicAccessor> topics = new ArrayList<>();
    for (JsChannel channel : channels) {
      for (TopicAccessor topic : channel.topics()) {
        if (seen.putIfAbsent(topic.topic(), topic) == null) {
          topics.add(topic);
        }
      }
    }
    return topics;
  }

  private static TopicAccessor accessor(String method, ChannelPlan topic, String namespace) {
    String pattern = topic.channel().topic().pattern();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(pattern);
    List<String> parameters = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(JsSource.string(pattern.substring(last, m.start())));
      }
      String name = m.group(1);
      String component = topic.parameters().stream().filter(p -> p.parameter().name().equals(name))
          .map(ChannelPlan.ParameterPlan::component).findFirst().orElseThrow();
      parameters.add(component);
      parts.add("String(" + component + ")");
      last = m.end();
    }
    if (last < pattern.length()) {
      parts.add(JsSource.string(pattern.substring(last)));
    }
    return new TopicAccessor(method, List.copyOf(parameters), String.join(" + ", parts), pattern, namespace, topic);
  }

  // What JavaScript's typeof (or Array.isArray) says of the value; "any" when the schema allows several.
  private static String jsonType(ValueDecl value) {
    TypeRef type = value.type();
    if (type instanceof TypeRef.ListOf) {
      return "array";
    }
    if (type instanceof TypeRef.Named named) {
      return named.decl() instanceof EnumDecl ? "string" : "any";
    }
    return switch (((TypeRef.Scalar) type).kind()) {
      case INT32, INT64, FLOAT64, DECIMAL -> "number";
      case BOOLEAN -> "boolean";
      case JSON -> "any";
      default -> "string";
    };
  }

  private static Property tag(Decl decl) {
    return decl instanceof RecordDecl record ? record.tagProperty() : null;
  }

  // The channel's discriminator picks a tagged message; a union's own discriminator picks the
  // union when the channel has none in common.
  private static void route(ClientPlan client, List<Route> routes, List<Route> keys, List<Untagged> untagged) {
    String discriminator = client.channel().channel().discriminator();
    Set<List<String>> seen = new HashSet<>();
    for (Received received : client.receives()) {
      if (received.decl() instanceof ValueDecl value) {
        // A value of any JSON type may also be an object: it is tried with the untagged ones.
        if (!value.binary() && jsonType(value).equals("any")) {
          untagged.add(new Untagged(received.method(), schema(received)));
        }
        continue;
      }
      boolean routed = false;
      for (MessagePlan m : received.messages()) {
        if (!m.message().tags().isEmpty() && discriminator != null) {
          // A constant, or each value of an enum that no other message shares.
          for (String tag : m.message().tags()) {
            routed |= add(routes, seen, discriminator, tag, received.method());
          }
        } else if (m.message().wrapperKey() != null) {
          keys.add(new Route(m.message().wrapperKey(), null, received.method()));
          routed = true;
        } else if (received.decl() instanceof UnionDecl union && union.discriminator() != null) {
          for (String tag : union.tags()) {
            routed |= add(routes, seen, union.discriminator(), tag, received.method());
          }
        }
      }
      if (!routed) {
        untagged.add(new Untagged(received.method(), schema(received)));
      }
    }
  }

  // The frame's schema: the message's contract, or any of them when one type has several messages.
  private static JsonNode schema(Received received) {
    List<JsonNode> contracts = received.messages().stream().map(m -> m.message().payload().contract())
        .filter(java.util.Objects::nonNull).distinct().toList();
    if (contracts.isEmpty()) {
      return BooleanNode.TRUE;
    }
    if (contracts.size() == 1) {
      return contracts.get(0);
    }
    ObjectNode any = JsonNodeFactory.instance.objectNode();
    any.putArray("anyOf").addAll(contracts);
    return any;
  }

  // Every named schema a contract reaches through {"$ref": key}, in the order first reached.
  private static void defs(JsonNode node, java.util.Map<String, dev.chanx.gen.model.Schema> named,
      java.util.Map<String, JsonNode> out) {
    if (node == null) {
      return;
    }
    JsonNode ref = node.get("$ref");
    if (node.isObject() && ref != null && ref.isTextual() && !out.containsKey(ref.asText())) {
      dev.chanx.gen.model.Schema target = named.get(ref.asText());
      JsonNode contract = target == null || target.contract() == null ? BooleanNode.TRUE : target.contract();
      out.put(ref.asText(), contract);
      defs(contract, named, out);
    }
    for (JsonNode child : node) {
      defs(child, named, out);
    }
  }

  private static boolean add(List<Route> routes, Set<List<String>> seen, String property, String value,
      String handler) {
    if (seen.add(List.of(property, value))) {
      routes.add(new Route(property, value, handler));
    }
    return true;
  }
}
