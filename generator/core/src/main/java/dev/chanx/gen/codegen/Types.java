package dev.chanx.gen.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/** The library types generated code refers to, named once. */
final class Types {

  static final String CORE = "dev.chanx.core";
  static final String SERVER = "dev.chanx.server";
  static final String CLIENT = "dev.chanx.client";
  static final String JACKSON_ANNOTATION = "com.fasterxml.jackson.annotation";

  static final ClassName MESSAGE = ClassName.get(CORE + ".message", "Message");
  static final ClassName JSON_WRITABLE = ClassName.get(CORE + ".message", "JsonWritable");
  static final ClassName VALUE_MESSAGE = ClassName.get(CORE + ".message", "ValueMessage");
  static final ClassName BINARY_MESSAGE = ClassName.get(CORE + ".message", "BinaryMessage");
  static final ClassName BYTE_BUFFER = ClassName.get("java.nio", "ByteBuffer");
  static final ClassName DECODED = ClassName.get(CORE + ".message", "Decoded");
  static final ClassName CHANNEL_HANDLER = ClassName.get(SERVER + ".channel", "ChannelHandler");
  static final ClassName CHANNEL_ROUTE = ClassName.get(SERVER + ".channel", "ChannelRoute");
  static final ClassName CONNECTION = ClassName.get(SERVER + ".channel", "Connection");
  static final ClassName REPLY_MATCH = ClassName.get(SERVER + ".channel", "ReplyMatch");
  static final ClassName DURATION = ClassName.get("java.time", "Duration");
  static final ClassName DISPATCHER = ClassName.get(SERVER + ".channel", "Dispatcher");
  static final ClassName CHANNEL_EVENTS = ClassName.get(SERVER + ".channel", "ChannelEvents");
  static final ClassName HISTORY = ClassName.get(SERVER + ".layer", "History");
  static final ClassName CHANX_SERVER = ClassName.get(SERVER, "ChanxServer");
  static final ClassName CHANNEL_PUBLISHER = ClassName.get(SERVER, "ChannelPublisher");
  static final ClassName PRESENCE = ClassName.get(SERVER + ".presence", "Presence");
  static final ClassName TOPIC_HANDLER = ClassName.get(SERVER + ".topic", "TopicHandler");
  static final ClassName TOPIC_ROUTE = ClassName.get(SERVER + ".topic", "TopicRoute");
  static final ClassName TOPIC_PATTERN = ClassName.get(SERVER + ".topic", "TopicPattern");
  static final ClassName TOPIC_PUBLISHER = ClassName.get(SERVER + ".topic", "TopicPublisher");

  static final ClassName CHANX_CLIENT = ClassName.get(CLIENT, "ChanxClient");
  static final ClassName TOPIC_HANDLE = ClassName.get(CLIENT, "TopicHandle");
  static final ClassName SERVER_FRAME_DECODER = ClassName.get(CLIENT, "ServerFrameDecoder");
  static final ClassName CLIENT_ADDRESS = ClassName.get(CLIENT, "ClientAddress");
  static final ClassName CLIENT_LISTENER = ClassName.get(CLIENT, "ClientListener");
  static final ClassName CLIENT_CONFIG = ClassName.get(CLIENT, "ClientConfig");
  static final ClassName CONSUMER = ClassName.get("java.util.function", "Consumer");
  static final ClassName ERROR_FRAME_EXCEPTION = ClassName.get(CLIENT, "ErrorFrameException");

  static final ClassName LOC = ClassName.get(CORE + ".codec", "Loc");
  static final ClassName PROBLEMS = ClassName.get(CORE + ".codec", "Problems");
  static final ClassName READ = ClassName.get(CORE + ".codec", "Read");
  static final ClassName LIST_READER = ClassName.get(CORE + ".codec", "ListReader");
  static final ClassName MAP_READER = ClassName.get(CORE + ".codec", "MapReader");
  static final ClassName ENUM_READER = ClassName.get(CORE + ".codec", "EnumReader");
  static final ClassName TOKENS = ClassName.get(CORE + ".codec", "Tokens");
  static final ClassName STREAM_FRAME = ClassName.get(CORE + ".codec", "StreamFrame");
  static final ClassName STRING_RULE = ClassName.get(CORE + ".codec", "StringRule");
  static final ClassName NUMBER_RULE = ClassName.get(CORE + ".codec", "NumberRule");
  static final ClassName WRITE = ClassName.get(CORE + ".codec", "Write");
  static final ClassName CONTRACT = ClassName.get(CORE + ".codec", "Contract");
  static final ClassName JSON_SCHEMA = ClassName.get(CORE + ".schema", "JsonSchema");
  static final ClassName PATH_PARAMETERS = ClassName.get(CORE + ".codec", "PathParameters");
  static final ClassName PATH_CHECKS = ClassName.get(CORE + ".codec", "PathChecks");
  static final ClassName QUERY_PARAMETERS = ClassName.get(CORE + ".codec", "QueryParameters");

  static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
  static final ClassName JSON_PROPERTY = ClassName.get(JACKSON_ANNOTATION, "JsonProperty");
  static final ClassName JSON_PROPERTY_ORDER = ClassName.get(JACKSON_ANNOTATION, "JsonPropertyOrder");
  static final ClassName JSON_INCLUDE = ClassName.get(JACKSON_ANNOTATION, "JsonInclude");
  static final ClassName JSON_IGNORE_PROPERTIES = ClassName.get(JACKSON_ANNOTATION, "JsonIgnoreProperties");
  static final ClassName JSON_TYPE_INFO = ClassName.get(JACKSON_ANNOTATION, "JsonTypeInfo");
  static final ClassName JSON_SUB_TYPES = ClassName.get(JACKSON_ANNOTATION, "JsonSubTypes");
  static final ClassName JSON_VALUE = ClassName.get(JACKSON_ANNOTATION, "JsonValue");

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName COLLECTION = ClassName.get("java.util", "Collection");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName SET = ClassName.get("java.util", "Set");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName UUID = ClassName.get("java.util", "UUID");
  static final ClassName URI = ClassName.get("java.net", "URI");
  static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  static final ClassName OFFSET_DATE_TIME = ClassName.get("java.time", "OffsetDateTime");
  static final ClassName LOCAL_DATE = ClassName.get("java.time", "LocalDate");
  static final ClassName DATE_TIME_FORMATTER = ClassName.get("java.time.format", "DateTimeFormatter");
  static final ClassName STRING = ClassName.get(String.class);

  /**
   * Simple names a generated type must not take, since generated files import or use these
   * types unqualified; java.lang's types are among them.
   */
  static final List<String> TAKEN_SIMPLE_NAMES = List.of(
      "Message", "JsonWritable", "Decoded", "ChannelHandler", "ChannelRoute", "Connection",
      "Dispatcher", "Loc", "Problems", "Read", "ValueReader", "StringRule", "NumberRule", "Write",
      "PathParameters", "ListReader", "MapReader", "EnumReader", "Tokens", "StreamFrame", "JsonNode",
      "JsonGenerator", "JsonParser", "JsonToken", "JsonProperty", "JsonPropertyOrder",
      "JsonInclude", "JsonIgnoreProperties", "JsonTypeInfo", "JsonSubTypes", "JsonValue", "Generated",
      "IOException", "List", "Map", "Set", "Objects", "UUID", "BigDecimal", "OffsetDateTime",
      "LocalDate", "DateTimeFormatter", "Entry", "ChanxClient", "ClientAddress", "ClientListener",
      "ClientConfig", "Consumer", "ErrorFrameException", "URI", "CompletableFuture", "ChannelEvents", "ChanxServer",
      "ChannelPublisher", "Collection",
      // java.lang
      "Object", "String", "Integer", "Long", "Double", "Float", "Short", "Byte", "Boolean",
      "Character", "Number", "Void", "Class", "Enum", "Record", "Override", "Deprecated",
      "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "Exception", "RuntimeException",
      "Error", "Throwable", "IllegalArgumentException", "IllegalStateException",
      "NullPointerException", "Iterable", "Comparable", "Runnable", "Thread", "System", "Math",
      "StrictMath", "StringBuilder", "CharSequence", "Cloneable", "AutoCloseable", "Process",
      "Runtime", "Package", "Module", "ClassLoader", "SecurityManager", "StackWalker");

  private Types() {}

  static TypeName listOf(TypeName element) {
    return ParameterizedTypeName.get(LIST, element);
  }

  static TypeName mapOf(TypeName value) {
    return ParameterizedTypeName.get(MAP, STRING, value);
  }

  static TypeName future(TypeName value) {
    return ParameterizedTypeName.get(COMPLETABLE_FUTURE, value);
  }
}
