package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chanx.client.Recovery;
import dev.chanx.example.RecoveryEndToEndTest.Reader;
import dev.chanx.example.RecoveryEndToEndTest.Writer;
import dev.chanx.example.chat.ChatClient;
import dev.chanx.example.chat.ChatListener;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.client.Reconnect;
import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.redis.RedisForTests;
import dev.chanx.redis.RedisProcess;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.DroppingProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Recovery across nodes on Redis with the generated Java client: the reader's node goes away and
 * its reconnect lands on another node; Redis restarts while the reader is cut off. Every line
 * arrives once, in order.
 */
@Timeout(120)
class RecoveryAcrossNodesTest {

  private static final long WAIT = 10;
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private ChanxServer node(String redis, String namespace) {
    ChanxServer server = RecoveryEndToEndTest.recoverable(10_000,
        config -> config.layer(RedisChannelLayer.create(redis).namespace(namespace)));
    closing.add(server::stop);
    return server;
  }

  private Reader reader(int port, String room) throws Exception {
    Reader reader = new Reader();
    reader.client = ChatClient.connect(RecoveryEndToEndTest.uri(port), new ChatPath(room),
        config -> config.reconnect(Reconnect.withBackoff(Duration.ofMillis(50), Duration.ofMillis(300)))
            // As in RecoveryEndToEndTest: the JDK client can miss the proxy's cut under load, so
            // the reader takes a server silent for 2 s for dead.
            .serverTimeout(Duration.ofSeconds(2)), reader)
        .get(WAIT, TimeUnit.SECONDS);
    closing.add(reader.client);
    assertEquals("new", reader.recoveries.poll(WAIT, TimeUnit.SECONDS).status());
    return reader;
  }

  private Writer writer(int port, String room) throws Exception {
    Writer writer = new Writer(ChatClient.connect(RecoveryEndToEndTest.uri(port), new ChatPath(room),
        config -> {}, new ChatListener() {}).get(WAIT, TimeUnit.SECONDS));
    closing.add(writer);
    return writer;
  }

  private static void assertRecoveredOnce(Reader reader) throws InterruptedException {
    List<Recovery> recovered = new ArrayList<>();
    reader.recoveries.drainTo(recovered);
    assertTrue(!recovered.isEmpty() && recovered.stream().allMatch(r -> r.status().equals("recovered")),
        recovered.toString());
    assertTrue(recovered.stream().anyMatch(r -> r.missed() > 0), recovered.toString());
  }

  @Test
  void theReadersNodeGoesAwayAndItRecoversOnAnother() throws Exception {
    String redis = RedisForTests.uri();
    String namespace = RedisForTests.freshNamespace();
    ChanxServer a = node(redis, namespace);
    ChanxServer b = node(redis, namespace);
    DroppingProxy proxy = DroppingProxy.to(a.port());
    closing.add(proxy);
    String room = "across-" + System.nanoTime();
    Reader reader = reader(proxy.port(), room);
    Writer writer = writer(b.port(), room);
    writer.talk(Long.MAX_VALUE);
    Thread.sleep(500);
    // Node A dies while the network is out: the reconnect can only land on node B.
    int before = proxy.connections();
    proxy.drop(Duration.ofSeconds(1));
    proxy.target(b.port());
    a.stop();
    Thread.sleep(1500);
    // Open alone may still be the connection the drop cut; back means a new one through the proxy.
    RecoveryEndToEndTest.awaitBack(proxy, before, reader);
    Thread.sleep(500);
    writer.stop();
    RecoveryEndToEndTest.assertEveryLineOnce(reader.lines, writer.said());
    assertRecoveredOnce(reader);
  }

  @Test
  void redisRestartsWhileTheReaderIsCutOff() throws Exception {
    assumeTrue(RedisProcess.onPath(), "no redis-server on PATH: this test kills and restarts a Redis of its own");
    RedisProcess redis = RedisProcess.startPersistent();
    closing.add(redis);
    String namespace = RedisForTests.freshNamespace();
    ChanxServer a = node(redis.uri(), namespace);
    ChanxServer b = node(redis.uri(), namespace);
    DroppingProxy proxy = DroppingProxy.to(a.port());
    closing.add(proxy);
    String room = "restart-" + System.nanoTime();
    Reader reader = reader(proxy.port(), room);
    Writer writer = writer(b.port(), room);
    writer.talk(Long.MAX_VALUE);
    Thread.sleep(500);
    int before = proxy.connections();
    proxy.drop(Duration.ofSeconds(2));
    redis.kill();
    Thread.sleep(1000);
    redis.launch();
    Thread.sleep(1000);
    RecoveryEndToEndTest.awaitBack(proxy, before, reader);
    Thread.sleep(1000);
    writer.stop();
    RecoveryEndToEndTest.assertEveryLineOnce(reader.lines, writer.said());
    assertRecoveredOnce(reader);
  }
}
