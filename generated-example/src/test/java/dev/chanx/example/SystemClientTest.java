package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.example.system.PingMessage;
import dev.chanx.example.system.PongMessage;
import dev.chanx.example.system.SystemClient;
import dev.chanx.example.system.SystemMessage;
import dev.chanx.example.system.SystemNotification;
import dev.chanx.example.system.SystemPath;
import dev.chanx.example.system.TaskPayload;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tutorial's background jobs over real sockets, driven by the Java client generated for them. */
@Timeout(60)
class SystemClientTest {

  private TutorialServer server;

  @BeforeEach
  void start() {
    server = TutorialServer.start(0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private SystemClient connect(Heard heard) throws Exception {
    SystemClient client = SystemClient.connect(URI.create("ws://127.0.0.1:" + server.port()), new SystemPath(),
        new SystemListenerLog(heard)).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals("open", heard.next());
    return client;
  }

  private static SystemMessage task(String type, String content) {
    return new SystemMessage(new TaskPayload(type, content));
  }

  @Test
  void aTaskIsQueuedAtOnceAndItsResultIsPushedLaterToTheSameConnectionOnly() throws Exception {
    Heard alice = new Heard();
    Heard bob = new Heard();
    try (SystemClient aliceClient = connect(alice); SystemClient bobClient = connect(bob)) {
      aliceClient.send(task("uppercase", "hello")).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);

      String queued = alice.next();
      assertTrue(queued.matches("queued Task uppercase queued: job \\d+"), queued);
      String job = queued.substring(queued.lastIndexOf(' ') + 1);
      assertEquals("result Job " + job + " done: HELLO", alice.next());
      alice.assertQuiet();
      bob.assertQuiet();
    }
  }

  @Test
  void eachTaskGetsItsOwnResult() throws Exception {
    Heard heard = new Heard();
    try (SystemClient client = connect(heard)) {
      client.send(task("reverse", "abc")).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);
      client.send(task("word_count", "one two three")).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);

      List<String> events = List.of(heard.next(), heard.next(), heard.next(), heard.next());
      int reverseQueued = indexOf(events, "queued Task reverse queued: job ");
      int countQueued = indexOf(events, "queued Task word_count queued: job ");
      String reverseJob = events.get(reverseQueued).substring(events.get(reverseQueued).lastIndexOf(' ') + 1);
      String countJob = events.get(countQueued).substring(events.get(countQueued).lastIndexOf(' ') + 1);
      assertTrue(reverseQueued < events.indexOf("result Job " + reverseJob + " done: cba"), events::toString);
      assertTrue(countQueued < events.indexOf("result Job " + countJob + " done: 3"), events::toString);
      heard.assertQuiet();
    }
  }

  private static int indexOf(List<String> events, String prefix) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no event starts with '" + prefix + "': " + events);
  }

  @Test
  void aNotificationPushedFromOutsideReachesEveryConnection() throws Exception {
    Heard alice = new Heard();
    Heard bob = new Heard();
    try (SystemClient aliceClient = connect(alice); SystemClient bobClient = connect(bob)) {
      // Each socket's frames are answered in order: a pong means it has joined its group.
      aliceClient.request(new PingMessage()).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);
      bobClient.request(new PingMessage()).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);

      server.systemPublisher().broadcastSystemNotification(
          new SystemNotification("Maintenance at 18:00 UTC"), BackgroundJobs.EVERYONE);

      assertEquals("notification Maintenance at 18:00 UTC", alice.next());
      assertEquals("notification Maintenance at 18:00 UTC", bob.next());
      alice.assertQuiet();
      bob.assertQuiet();
    }
  }

  @Test
  void pingIsAnsweredWithPong() throws Exception {
    Heard heard = new Heard();
    try (SystemClient client = connect(heard)) {
      assertEquals(new PongMessage(), client.request(new PingMessage()).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS));
      heard.assertQuiet();
    }
  }
}
