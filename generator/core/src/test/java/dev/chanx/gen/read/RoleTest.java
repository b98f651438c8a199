package dev.chanx.gen.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.Role;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client's document is read as the server sees it: its sends are what the server receives. */
class RoleTest {

  private static Channel market(String name, Role role) throws Exception {
    return SpecReader.read(CheckOptions.defaults().role(role), Fixtures.path("role/" + name))
        .channel("market").orElseThrow();
  }

  private static List<String> keys(List<Operation> operations) {
    return operations.stream().map(Operation::key).toList();
  }

  private static List<String> tags(List<Message> messages) {
    return messages.stream().map(Message::tag).toList();
  }

  @Test
  void aClientsSendIsWhatTheServerReceivesAndItsReplyWhatTheServerReturns() throws Exception {
    Channel market = market("ticker-client.yaml", Role.CLIENT);

    assertEquals(List.of("subscribe"), keys(market.receives()));
    assertEquals(Operation.Action.RECEIVE, market.receives().get(0).action());
    assertEquals(List.of("subscribed"), tags(market.receives().get(0).replies()));
    assertEquals(List.of("onTick"), keys(market.sends()));
    assertEquals(List.of("subscribe"), tags(market.clientMessages()));
    assertEquals(List.of("subscribed", "tick"), tags(market.serverMessages()));
  }

  @Test
  void readAsTheServersTheSameDocumentSaysTheOpposite() throws Exception {
    Channel market = market("ticker-client.yaml", Role.SERVER);

    assertEquals(List.of("onTick"), keys(market.receives()));
    assertEquals(List.of("subscribe"), keys(market.sends()));
    // Read so, subscribe is the server's request and subscribed the client's reply to it.
    assertEquals(List.of("tick", "subscribed"), tags(market.clientMessages()));
  }

  @Test
  void aClients2xSubscribeIsWhatTheServerReceivesAndItsPublishWhatItSends() throws Exception {
    Channel market = market("ticker-client-2.6.yaml", Role.CLIENT);

    assertEquals(List.of("subscribe"), keys(market.receives()));
    assertEquals(List.of("onTick"), keys(market.sends()));
    assertEquals(List.of("subscribe"), tags(market.clientMessages()));
    assertEquals(List.of("tick"), tags(market.serverMessages()));
  }

  @Test
  void roleNamesAreTheCliAndPluginValues() {
    assertEquals(Role.CLIENT, Role.parse(" Client "));
    assertEquals("unknown role 'both'; valid roles: server, client",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Role.parse("both"))
            .getMessage());
  }
}
