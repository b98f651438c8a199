package dev.chanx.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chanx.core.codec.TextFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private final TextFrame frame = TextFrame.of("{\"action\":\"notice\",\"payload\":\"hé\"}");

  @Test
  void groupMessageComesBackAsWritten() {
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    GroupMessage message =
        new GroupMessage("k3x9qa", 1_764_720_000_123L, traceparent, "k3x9qa.1", List.of("chat/a:b", "chat/ä"), frame);
    GroupMessage back = GroupMessage.decode(message.encode());
    assertEquals("k3x9qa", back.origin());
    assertEquals(1_764_720_000_123L, back.sentAtMillis());
    assertEquals(traceparent, back.context());
    assertEquals("k3x9qa.1", back.exclude());
    assertEquals(List.of("chat/a:b", "chat/ä"), back.earlier());
    assertEquals(frame.text(), back.frame().text());
  }

  @Test
  void directMessageComesBackAsWritten() {
    DirectMessage back = DirectMessage.decode(new DirectMessage("k3x9qa.7", frame).encode());
    assertEquals("k3x9qa.7", back.target());
    assertEquals(frame.text(), back.frame().text());
  }

  @Test
  void bytesThatAreNotAMessageAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> GroupMessage.decode(new byte[] {9, 0, 0, 0, 0}));
    assertThrows(IllegalArgumentException.class, () -> DirectMessage.decode(new byte[] {1, 0, 0, 0, 99}));
  }
}
