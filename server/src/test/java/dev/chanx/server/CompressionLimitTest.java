package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.RawWebSocket;
import dev.chanx.server.testing.chat.ChatRoute;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** With permessage-deflate on, the size limit applies to the inflated message: no zip bombs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CompressionLimitTest {

  private static final String OFFER = "permessage-deflate; client_no_context_takeover";
  private ChanxServer server;

  @BeforeEach
  void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0).compression(true)
        .channel(ChatRoute.create(), new ChatRoom())).start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void smallCompressedFrameThatInflatesPastTheLimitClosesWith1009() throws Exception {
    String bomb = "{\"action\":\"ping\",\"ref\":\"" + "x".repeat(1_000_000) + "\"}";
    byte[] compressed = deflate(bomb.getBytes(StandardCharsets.UTF_8));
    assertTrue(compressed.length < 2_000, "the frame on the wire is " + compressed.length + " bytes");
    try (RawWebSocket raw = RawWebSocket.connect(server.port(), "/ws/chat/zip/", 0, OFFER)) {
      assertTrue(raw.handshake().contains("permessage-deflate"), raw.handshake());
      raw.send(RawWebSocket.TEXT, true, compressed);
      assertEquals(1009, raw.awaitClose());
    }
  }

  @Test
  void compressedFrameWithinTheLimitIsAnsweredCompressed() throws Exception {
    String ping = "{\"action\":\"ping\",\"ref\":\"" + "y".repeat(60_000) + "\"}";
    try (RawWebSocket raw = RawWebSocket.connect(server.port(), "/ws/chat/zip/", 0, OFFER)) {
      raw.send(RawWebSocket.TEXT, true, deflate(ping.getBytes(StandardCharsets.UTF_8)));
      RawWebSocket.Received answer = raw.receive();
      assertEquals(RawWebSocket.TEXT, answer.opcode());
      String text = new String(inflate(answer.payload()), StandardCharsets.UTF_8);
      assertEquals("{\"action\":\"pong\",\"payload\":null,\"ref\":\"" + "y".repeat(60_000) + "\"}", text);
      assertFalse(answer.payload().length > 10_000, "the answer was not compressed");
    }
  }

  /** One message as permessage-deflate sends it: raw deflate, sync-flushed, without the 4-byte tail. */
  private static byte[] deflate(byte[] message) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(message);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
      out.write(buffer, 0, n);
    }
    deflater.end();
    byte[] all = out.toByteArray();
    return Arrays.copyOf(all, all.length - 4);
  }

  private static byte[] inflate(byte[] payload) throws Exception {
    Inflater inflater = new Inflater(true);
    byte[] withTail = Arrays.copyOf(payload, payload.length + 4);
    withTail[payload.length + 2] = (byte) 0xFF;
    withTail[payload.length + 3] = (byte) 0xFF;
    inflater.setInput(withTail);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = inflater.inflate(buffer)) > 0) {
      out.write(buffer, 0, n);
    }
    inflater.end();
    return out.toByteArray();
  }
}
