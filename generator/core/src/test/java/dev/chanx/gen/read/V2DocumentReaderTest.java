package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.JsonType;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import dev.chanx.gen.model.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AsyncAPI 2.x: channels keyed by address, publish and subscribe, one message or oneOf. */
class V2DocumentReaderTest {

  private final ApiModel model = Fixtures.read("v2/publish-subscribe.yaml");

  @Test
  void channelsAreNamedAndKeepTheirAddresses() {
    assertEquals(List.of("root", "live", "ws_chat_room", "ws_chat_room_2"),
        model.channels().stream().map(Channel::key).toList());
    assertEquals(List.of("/", "/feeds/{feed}/live", "/ws/chat/{room}", "/ws/chat/room"),
        model.channels().stream().map(Channel::address).toList());
    assertEquals("2.0.0", model.asyncapiVersion());
  }

  @Test
  void publishIsWhatTheServerReceivesAndSubscribeWhatItSends() {
    Channel live = model.channel("live").orElseThrow();
    assertEquals(Operation.Action.RECEIVE, live.receives().get(0).action());
    assertEquals("Follow or leave a feed", live.receives().get(0).summary());
    assertEquals(Operation.Action.SEND, live.sends().get(0).action());
    assertEquals("Every update of the feed", live.sends().get(0).description());
    assertEquals(List.of("update"), live.serverMessages().stream().map(Message::key).toList());

    Channel root = model.channel("root").orElseThrow();
    assertTrue(root.receives().isEmpty());
    assertEquals("heartbeat", root.sends().get(0).messages().get(0).tag());
  }

  @Test
  void operationIdIsTheKeyElseChannelDotPublishOrSubscribe() {
    assertEquals("live.publish", model.channel("live").orElseThrow().receives().get(0).key());
    assertEquals("feedUpdates", model.channel("live").orElseThrow().sends().get(0).key());
    assertEquals("root.subscribe", model.channel("root").orElseThrow().sends().get(0).key());
    assertEquals("/channels/~1feeds~1{feed}~1live/publish", model.channel("live").orElseThrow().receives().get(0).pointer());
  }

  @Test
  void oneOfListsEveryMessageKeyedByMessageIdComponentKeyNameOrPlace() {
    Channel live = model.channel("live").orElseThrow();
    Operation publish = live.receives().get(0);
    assertEquals(List.of("subscribeFeed", "unsubscribe", "live.publish.message.2"),
        publish.messages().stream().map(Message::key).toList());
    assertEquals(List.of("subscribe", "unsubscribe", "list"), publish.messages().stream().map(Message::tag).toList());
    assertEquals("event", live.discriminator());
    assertEquals("/channels/~1feeds~1{feed}~1live/publish/message/oneOf/2", publish.messages().get(2).pointer());
    assertEquals("root.subscribe.message", model.channel("root").orElseThrow().sends().get(0).messages().get(0).key());
  }

  @Test
  void twoMessagesWithOneKeyAreNumbered() {
    Channel talk = Fixtures.read("v2/message-keys.yaml").channel("talk").orElseThrow();
    assertEquals(List.of("say", "say_2"), talk.clientMessages().stream().map(Message::key).toList());
    assertEquals(List.of("say", "shout"), talk.clientMessages().stream().map(Message::tag).toList());
  }

  @Test
  void aMessageOnBothOperationsIsOneMessage() {
    Channel chat = model.channel("ws_chat_room").orElseThrow();
    Message sent = chat.receives().get(0).messages().get(0);
    assertEquals("chat", sent.key(), "the component key");
    assertSame(sent, chat.sends().get(0).messages().get(0));
    assertEquals("$message.payload#/id", sent.correlationId());
    assertEquals("action", chat.discriminator());
    assertTrue(chat.receives().get(0).replies().isEmpty(), "2.x has no request/reply");
  }

  @Test
  void messageExamplesAreTheirPayloads() {
    Message update = model.channel("live").orElseThrow().sends().get(0).messages().get(0);
    assertEquals(1, update.examples().get(0).get("seq").asInt());
  }

  @Test
  void parameterWithSchemaThroughARefTakesTheSchemasDescription() {
    Parameter feed = model.channel("live").orElseThrow().parameters().get(0);
    assertEquals("feed", feed.name());
    assertEquals("A feed's name", feed.description());
    assertEquals(JsonType.STRING, feed.schema().singleType());
    assertEquals("^[a-z]+$", feed.schema().pattern());
    assertEquals("/components/parameters/feed/schema", feed.schema().pointer());
  }

  @Test
  void aParameterTheChannelDoesNotDeclareIsAPlainString() {
    Parameter room = model.channel("ws_chat_room").orElseThrow().parameters().get(0);
    assertEquals("room", room.name());
    assertNull(room.description());
    assertEquals(List.of(JsonType.STRING), List.copyOf(room.schema().types()));
    assertEquals("/channels/~1ws~1chat~1{room}", room.schema().pointer(), "where the address is written: the key");
  }

  @Test
  void parameterSchemaDescriptionAndEnumAsWritten() {
    Parameter room = Fixtures.read("twins/chat-2.6.yaml").channels().get(0).parameters().get(0);
    assertEquals("The room to join", room.description());
    assertEquals("The room to join", room.schema().description(), "as a 3.0 parameter's schema has it");
    assertEquals(List.of("lobby", "games"), room.schema().enumValues().stream().map(n -> n.asText()).toList());
    assertEquals("lobby", room.schema().defaultValue().asText());
  }

  @Test
  void aChannelWithoutOperationsHasNone() {
    Channel room = model.channel("ws_chat_room_2").orElseThrow();
    assertTrue(room.receives().isEmpty() && room.sends().isEmpty());
    assertEquals("The same words as /ws/chat/{room}", room.description());
  }

  @Test
  void channelsMessagesAndSchemasInOtherFiles() {
    ApiModel split = Fixtures.read("v2/multi-file/chat.yaml");
    Channel chat = split.channel("ws_chat_room").orElseThrow();
    assertEquals("channels.yaml#/chat", chat.pointer());
    assertEquals("A room", chat.description());
    assertEquals("channels.yaml#/chat/publish", chat.receives().get(0).pointer());
    assertEquals(List.of("say", "ping"), chat.clientMessages().stream().map(Message::key).toList(),
        "a whole file is named by its base name");
    assertEquals(List.of("say", "ping"), chat.clientMessages().stream().map(Message::tag).toList());
    assertEquals("schemas.yaml#/Text", chat.clientMessages().get(0).payload().properties().get("text").ref());
    assertEquals(1, split.schemas().get("schemas.yaml#/Text").minLength());
  }
}
