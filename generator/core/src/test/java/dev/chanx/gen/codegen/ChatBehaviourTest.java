package dev.chanx.gen.codegen;

import static dev.chanx.gen.codegen.CompiledChannel.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chanx.gen.SharedSpecs;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.Message;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's chat channel, generated, compiled and fed the frames of the wire-protocol
 * document: each must give exactly the errors Chanx gives, and valid frames must round-trip.
 */
@ExtendWith(SharedSpecs.Needed.class)
class ChatBehaviourTest {

  @TempDir
  static Path workDir;

  static CompiledChannel chat;

  @BeforeAll
  static void generateAndCompile() {
    chat = CompiledChannel.of(SharedSpecs.tutorial(), "chat", "Chat", workDir);
  }

  @Test
  void unknownActionIsAnInvalidUnionTag() {
    assertEquals(List.of(error("union_tag_invalid", List.of(),
            "Input tag 'nonexistent_action' found using 'action' does not match any of the expected tags:"
                + " 'new_chat_message', 'ping'")),
        chat.errors("{\"action\":\"nonexistent_action\",\"payload\":{}}"));
    assertNull(chat.decode("{\"action\":\"nonexistent_action\"}").tag());
  }

  @Test
  void missingActionIsAMissingUnionTag() {
    List<Object> expected = List.of(
        error("union_tag_not_found", List.of(), "Unable to extract tag using discriminator 'action'"));
    assertEquals(expected, chat.errors("{\"payload\":{\"message\":\"hi\",\"name\":\"Al\"}}"));
    assertEquals(expected, chat.errors("{\"action\":5}"), "a tag that is not a string");
    assertEquals(expected, chat.errors("[1,2]"), "a frame that is not an object");
  }

  @Test
  void missingFieldIsReportedWithItsPath() {
    assertEquals(List.of(error("missing", List.of("new_chat_message", "payload", "name"), "Field required")),
        chat.errors("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hello\"}}"));
  }

  @Test
  void payloadOfTheWrongTypeIsAModelTypeError() {
    assertEquals(List.of(error("model_type", List.of("new_chat_message", "payload"),
            "Input should be a valid dictionary or instance of ChatMessagePayload")),
        chat.errors("{\"action\":\"new_chat_message\",\"payload\":\"Hello\"}"));
  }

  @Test
  void payloadOnPingIsRefused() {
    assertEquals(List.of(error("none_required", List.of("ping", "payload"), "Input should be None")),
        chat.errors("{\"action\":\"ping\",\"payload\":{\"x\":1}}"));
  }

  @Test
  void everyErrorOfAFrameIsReportedTogether() {
    assertEquals(List.of(
            error("string_type", List.of("new_chat_message", "payload", "message"), "Input should be a valid string"),
            error("missing", List.of("new_chat_message", "payload", "name"), "Field required")),
        chat.errors("{\"action\":\"new_chat_message\",\"payload\":{\"message\":5}}"));
    assertEquals("new_chat_message", chat.decode("{\"action\":\"new_chat_message\"}").tag());
  }

  @Test
  void missingPayloadIsAMissingField() {
    assertEquals(List.of(error("missing", List.of("new_chat_message", "payload"), "Field required")),
        chat.errors("{\"action\":\"new_chat_message\"}"));
  }

  @Test
  void nullWhereAnObjectIsRequiredIsAModelTypeError() {
    assertEquals(List.of(error("model_type", List.of("new_chat_message", "payload"),
            "Input should be a valid dictionary or instance of ChatMessagePayload")),
        chat.errors("{\"action\":\"new_chat_message\",\"payload\":null}"));
  }

  @Test
  void validChatMessageBecomesTheRecordAndWritesTheSameFrame() {
    String frame = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hello everyone!\",\"name\":\"Alice\"}}";

    Object message = chat.value(frame);

    assertEquals("NewChatMessage", message.getClass().getSimpleName());
    assertEquals("new_chat_message", ((Message) message).wireTag());
    assertEquals(frame, CompiledChannel.write(message));
    assertEquals("new_chat_message", chat.decode(frame).tag());
  }

  @Test
  void pingMayLeaveOutOrNullItsPayloadAndPongAlwaysWritesNull() throws Exception {
    assertEquals("PingMessage", chat.value("{\"action\":\"ping\"}").getClass().getSimpleName());
    assertEquals("PingMessage", chat.value("{\"action\":\"ping\",\"payload\":null}").getClass().getSimpleName());

    Object pong = chat.type("PongMessage").getConstructor().newInstance();
    assertEquals("{\"action\":\"pong\",\"payload\":null}", CompiledChannel.write(pong));
    assertEquals("{\"action\":\"ping\",\"payload\":null}", CompiledChannel.write(chat.value("{\"action\":\"ping\"}")));
  }

  @Test
  void reservedAndUnknownTopLevelKeysAreIgnored() {
    chat.value("{\"action\":\"ping\",\"ref\":\"r1\",\"version\":1,\"topic\":\"t\",\"seq\":3,\"extra\":true}");
    chat.value("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"a\",\"name\":\"b\",\"mood\":\"ok\"}}");
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void dispatchCallsTheHandlerMethodOfTheMessageAndReturnsItsReply() throws Exception {
    Object pong = chat.type("PongMessage").getConstructor().newInstance();
    List<String> calls = new ArrayList<>();
    Object handler = Proxy.newProxyInstance(chat.type("ChatHandler").getClassLoader(),
        new Class<?>[] {chat.type("ChatHandler")}, (proxy, method, args) -> {
          calls.add(method.getName() + " " + args[0].getClass().getSimpleName());
          return method.getName().equals("handlePing") ? pong : null;
        });
    Dispatcher dispatcher = chat.dispatcher();

    Object reply = dispatcher.dispatch((Message) chat.value("{\"action\":\"ping\"}"), (dev.chanx.server.channel.ChannelHandler) handler, (Connection) null);
    Object none = dispatcher.dispatch((Message) chat.value(
        "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"a\",\"name\":\"b\"}}"),
        (dev.chanx.server.channel.ChannelHandler) handler, (Connection) null);

    assertEquals(List.of("handlePing PingMessage", "handleNewChatMessage NewChatMessage"), calls);
    assertEquals(pong, reply);
    assertNull(none);
  }

  @Test
  void routeDescribesTheChannelAndTypesItsPath() throws Exception {
    ChannelRoute<?, ?, ?, ?> route = chat.route();

    assertEquals("chat", route.name());
    assertEquals("ws/chat/{group_name}/", route.address());
    assertEquals(List.of("group_name"), route.parameterNames());
    Object path = route.path(Map.of("group_name", "room1"));
    assertEquals("room1", path.getClass().getMethod("groupName").invoke(path));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> route.path(Map.of()));
    assertEquals("path parameter 'group_name' is missing", e.getMessage());
    assertEquals("action", route.dispatcher().discriminator());
  }

  @Test
  void plainJacksonWritesAndReadsTheRecordsToo() throws Exception {
    String frame = "{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"Hi\",\"name\":\"Al\"}}";
    Object message = chat.value(frame);

    assertEquals(frame, CompiledChannel.JSON.writeValueAsString(message));
    assertEquals(message, CompiledChannel.JSON.readValue(frame, chat.type("ChatClientMessage")));
    assertEquals(message, CompiledChannel.JSON.readValue(frame, chat.type("NewChatMessage")));
  }
}
