package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.chanx.core.codec.TextFrame;
import dev.chanx.core.message.BinaryMessage;
import dev.chanx.core.message.Message;
import dev.chanx.core.message.ValueMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.junit.jupiter.api.Test;

/** A connection sends a bare JSON value as its text alone and binary data as one binary frame, never to groups. */
class FramesThatAreNoObjectTest {

  /** A frame that is a bare string, as a generated value record writes it. */
  record Beat(String value) implements ValueMessage {
    @Override
    public void writeJson(JsonGenerator out) throws IOException {
      out.writeString(value);
    }
  }

  /** Binary data, as a generated binary record holds it. */
  record Audio(ByteBuffer data) implements BinaryMessage {}

  private final Node node = new Node();
  private final List<String> text = new ArrayList<>();
  private final List<byte[]> binary = new ArrayList<>();
  private final ChanxConnection<Message, String> connection = new ChanxConnection<>("n.1", node.groups("listen/"),
      "room", new UpgradeInfo("/ws/listen/", Map.of(), HttpFields.EMPTY));

  FramesThatAreNoObjectTest() {
    node.layer.start(node.connections);
    connection.attach(new FrameSink() {
      @Override
      public void send(TextFrame frame) {
        text.add(frame.text());
      }

      @Override
      public void sendBinary(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.add(bytes);
      }
    });
  }

  @Test
  void aValueGoesAsItsJsonAlone() {
    connection.send(new Beat("beat"));
    assertEquals(List.of("\"beat\""), text);
  }

  @Test
  void binaryDataGoesInOneBinaryFrame() {
    connection.send(new Audio(ByteBuffer.wrap(new byte[] {1, 2, 3})));
    assertEquals(List.of(), text);
    assertEquals(1, binary.size());
    assertArrayEquals(new byte[] {1, 2, 3}, binary.get(0));
  }

  @Test
  void binaryDataIsNotBroadcast() {
    connection.join("room1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> connection.broadcast(new Audio(ByteBuffer.allocate(1))));
    assertEquals("Audio is binary data: send it to one connection with Connection.send; groups and publishers"
        + " carry text frames only", e.getMessage());
    assertEquals(List.of(), binary);
  }

  @Test
  void aTextOnlySinkRefusesBinaryData() {
    FrameSink textOnly = frame -> { };
    assertThrows(UnsupportedOperationException.class, () -> textOnly.sendBinary(ByteBuffer.allocate(1)));
  }
}
