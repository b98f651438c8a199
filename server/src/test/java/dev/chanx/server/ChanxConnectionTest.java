package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.layer.InMemoryChannelLayer;
import dev.chanx.core.codec.TextFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** A connection's own state: attributes, groups, and frames from the layer only while it is open here. */
class ChanxConnectionTest {

  private final Node node = new Node();
  private final InMemoryChannelLayer layer = (InMemoryChannelLayer) node.layer;
  private final List<TextFrame> sent = new ArrayList<>();

  ChanxConnectionTest() {
    layer.start(node.connections);
  }

  private ChanxConnection<?, ?> open(String id, List<TextFrame> sink) {
    ChanxConnection<?, ?> connection = new ChanxConnection<>(id, node.groups("chat/"), "room",
        new UpgradeInfo("/ws/chat/room/", Map.of(), HttpFields.EMPTY));
    connection.attach(sink::add);
    node.connections.add(connection);
    return connection;
  }

  @Test
  void attributesAreStoredReadAndRemoved() {
    ChanxConnection<?, ?> connection = open("n.1", sent);
    assertNull(connection.attribute("user"));
    connection.attribute("user", null);
    connection.attribute("user", "ann");
    assertEquals("ann", connection.attribute("user"));
    connection.attribute("user", null);
    assertNull(connection.attribute("user"));
  }

  @Test
  void joiningTwiceIsOneMembershipAndLeavingEndsIt() {
    ChanxConnection<?, ?> connection = open("n.1", sent);
    connection.join("room1");
    connection.join("room1");
    connection.join("room2");
    assertEquals(Set.of("room1", "room2"), connection.groups());
    assertEquals(Set.of("n.1"), layer.members("chat/room1"));
    connection.leave("room1");
    connection.leave("room1");
    assertEquals(Set.of("room2"), connection.groups());
    assertEquals(Set.of(), layer.members("chat/room1"));
  }

  @Test
  void membersOfAGroupShareOneKey() {
    ChanxConnection<?, ?> one = open("n.1", sent);
    ChanxConnection<?, ?> two = open("n.2", sent);
    // Group names as they come from two requests' paths: equal, not the same object.
    one.join(new String("room9".toCharArray()));
    two.join(new String("room9".toCharArray()));
    assertEquals("chat/room9", key(one));
    assertSame(key(one), key(two));
  }

  @Test
  void aClosedConnectionLeavesItsGroupsAndTakesNoFramesFromTheLayer() {
    ChanxConnection<?, ?> connection = open("n.1", sent);
    connection.join("room1");
    TextFrame frame = TextFrame.of("{\"action\":\"x\"}");
    layer.groupSend(List.of("chat/room1"), frame, null);
    assertEquals(List.of(frame), sent);
    node.connections.remove(connection);
    assertFalse(connection.receive(frame));
    layer.groupSend(List.of("chat/room1"), frame, null);
    assertEquals(1, sent.size());
    connection.closed();
    connection.join("room2");
    assertEquals(Set.of(), connection.groups());
    assertEquals(Set.of(), layer.members("chat/room1"));
    assertTrue(layer.members("chat/room2").isEmpty());
  }

  private static String key(ChanxConnection<?, ?> connection) {
    return connection.groupKeys().iterator().next();
  }
}
