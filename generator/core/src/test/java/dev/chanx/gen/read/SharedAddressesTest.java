package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Channels that share an address are served as one endpoint (shared-addresses/*.yaml, Kraken). */
class SharedAddressesTest {

  @Test
  void krakenIsOneChannelAtRootWhoseDispatcherKnowsEveryClientMessage() {
    ApiModel model = SharedSpecs.read("peers/kraken-request-reply-multiple-channels.yml");
    assertEquals(List.of("root"), keys(model));
    Channel root = model.channels().get(0);
    assertEquals("/", root.address());
    assertEquals("/channels/ping", root.pointer(), "the first channel of the address stands for all");
    assertEquals("event", root.discriminator());
    assertEquals(List.of("ping", "subscribe", "unsubscribe"), messageKeys(root.clientMessages()));
    assertEquals(List.of("ping", "subscribe", "unsubscribe"), tags(root.clientMessages()));
    assertEquals(List.of("pong", "subscriptionStatus", "dummyCurrencyInfo", "heartbeat", "systemStatus"),
        messageKeys(root.serverMessages()));
    assertEquals(List.of("pong", "subscriptionStatus", "currencyInfo", "heartbeat", "systemStatus"),
        tags(root.serverMessages()));
  }

  @Test
  void krakenKeepsEveryOperationInDocumentOrderWithItsReplies() {
    Channel root = SharedSpecs.read("peers/kraken-request-reply-multiple-channels.yml").channels().get(0);
    assertEquals(List.of("receivePing", "subscribe", "unsubscribe"), operationKeys(root.receives()));
    assertEquals(List.of("heartbeat", "systemStatus"), operationKeys(root.sends()));
    assertEquals(List.of("pong"), messageKeys(root.receives().get(0).replies()));
    assertEquals(List.of("subscriptionStatus", "dummyCurrencyInfo"), messageKeys(root.receives().get(1).replies()));
    assertEquals(List.of("subscriptionStatus"), messageKeys(root.receives().get(2).replies()));
    assertEquals("$message.payload#/reqid", root.clientMessages().get(0).correlationId());
  }

  @Test
  void channelsAtOneAddressMergeWhateverTheirSlashes() {
    ApiModel model = Fixtures.read("shared-addresses/merged.yaml");
    assertEquals(List.of("root", "root_2", "ws_chat_room"), keys(model),
        "a lone channel keeps its key; a merged one is named by its address, after the keys that stay");

    Channel lonely = model.channels().get(0);
    assertEquals("ws/lonely/", lonely.address());
    assertEquals(List.of("hello"), messageKeys(lonely.clientMessages()));

    Channel root = model.channels().get(1);
    assertEquals("/", root.address());
    assertEquals("Liveness", root.title());
    assertEquals("What the server answers.", root.description(), "the first that any of them gives");
    assertEquals(List.of("receivePing"), operationKeys(root.receives()));
    assertEquals(List.of("ping"), messageKeys(root.clientMessages()));
    assertEquals(List.of("pong"), messageKeys(root.serverMessages()), "the reply channel's messages");
    assertEquals("action", root.discriminator(), "the channel without operations adds no message");

    Channel chat = model.channels().get(2);
    assertEquals("/ws/chat/{room}", chat.address(), "the first channel's address, as written");
    assertEquals(List.of("say"), operationKeys(chat.receives()));
    assertEquals(List.of("echo"), operationKeys(chat.sends()));
    assertEquals(List.of("say"), tags(chat.clientMessages()));
    assertEquals(List.of("said"), tags(chat.serverMessages()));
    assertEquals(1, chat.parameters().size());
    assertEquals("room", chat.parameters().get(0).name());
    assertEquals("The room's name.", chat.parameters().get(0).description(), "said by the second channel only");
    assertEquals(List.of("lobby", "games"), chat.parameters().get(0).schema().enumValues().stream()
        .map(v -> v.asText()).toList());
  }

  @Test
  void aLoneChannelIsLeftAsItWas() {
    Channel chat = Fixtures.read("twins/chat-3.0.yaml").channels().get(0);
    assertEquals("ws_chat_room", chat.key());
    assertEquals("/channels/ws_chat_room", chat.pointer());
  }

  @Test
  void a2xAddressWrittenWithAndWithoutItsTrailingSlashIsOneChannel() {
    ApiModel model = Fixtures.read("shared-addresses/v2.yaml");
    assertEquals(List.of("feed"), keys(model), "not feed_2: the merged channel takes the name back");
    Channel feed = model.channels().get(0);
    assertEquals("/feed", feed.address());
    assertEquals("event", feed.discriminator());
    assertEquals(List.of("follow"), tags(feed.clientMessages()));
    assertEquals(List.of("update"), tags(feed.serverMessages()));
    assertNull(feed.query());
  }

  @Test
  void messagesOfSharingChannelsThatCannotBeToldApartAreAProblemNamingTheChannels() {
    assertEquals(List.of("clash.yaml#/channels/welcomes/messages/welcome (line 17): "
        + "message 'welcome' of channel 'root' (channels 'greetings' and 'welcomes' share address '/') can never"
        + " be read: it and 'hello' both have type 'hello', and every frame its payload"
        + " (clash.yaml#/channels/welcomes/messages/welcome/payload, line 18) accepts, the payload of 'hello'"
        + " (clash.yaml#/channels/greetings/messages/hello/payload, line 10) accepts too, and 'hello' is tried"
        + " first. Give each message its own type value; the frame's type picks the message."),
        Fixtures.problems("shared-addresses/clash.yaml"));
  }

  @Test
  void parametersAndQueriesOfSharingChannelsMustAgree() {
    assertEquals(List.of(
        "disagree.yaml#/channels/roomsOut/parameters/room (line 14): parameter 'room' of channel"
            + " 'roomsOut' differs from that of channel 'roomsIn', which shares its address '/rooms/{room}'."
            + " Channels that share an address are served as one endpoint: declare the parameter alike in both,"
            + " such as with one $ref to #/components/parameters.",
        "disagree.yaml#/channels/gamesOut (line 18): channel 'gamesOut' has the address of"
            + " channel 'gamesIn' ('/games/{id}', '/games/{game}') but names its parameters differently."
            + " Channels that share an address are served as one endpoint: name the parameters alike.",
        "disagree.yaml#/channels/feedOut/bindings (line 30): channel 'feedOut' binds other query"
            + " parameters than channel 'feedIn', which shares its address '/feed'. Channels that share an address"
            + " are served as one endpoint: give them the same ws binding, or give it to one of them only."),
        Fixtures.problems("shared-addresses/disagree.yaml"));
  }

  private static List<String> keys(ApiModel model) {
    return model.channels().stream().map(Channel::key).toList();
  }

  private static List<String> operationKeys(List<Operation> operations) {
    return operations.stream().map(Operation::key).toList();
  }

  private static List<String> messageKeys(List<Message> messages) {
    return messages.stream().map(Message::key).toList();
  }

  private static List<String> tags(List<Message> messages) {
    return messages.stream().map(Message::tag).toList();
  }
}
