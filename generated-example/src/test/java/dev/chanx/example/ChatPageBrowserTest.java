package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two headless Chromium sessions chat through the page, as two people would: the page runs the
 * JavaScript client generated from the document (typed sends, handlers, ping answered by ref),
 * and both pages come back by themselves after the server restarts.
 */
@Timeout(120)
class ChatPageBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void twoBrowsersChatInOneRoom() throws Exception {
    // .ci/run installs chromium and fails on any skip, so CI always runs this.
    Assumptions.assumeFalse("1".equals(System.getenv("CHANX_SKIP_BROWSER")), "CHANX_SKIP_BROWSER=1");
    Assumptions.assumeTrue(Browser.available(), Browser::missing);
    TutorialServer server = TutorialServer.start(0);
    String page = "http://127.0.0.1:" + server.port() + "/chat/";
    try (Browser alice = Browser.start(); Browser bob = Browser.start()) {
      join(alice, page, "Alice");
      join(bob, page, "Bob");

      alice.type("#message", "Hello from Alice\n");

      String seenByBob = bob.waitForText("#messages", t -> t.contains("Hello from Alice"), WAIT);
      assertTrue(seenByBob.contains("Alice: Hello from Alice"), seenByBob);
      bob.screenshot(Path.of(System.getProperty("chanx.screenshotDir", "target"), "chat-page-bob.png"));

      int port = server.port();
      server.stop();
      bob.waitForText("#status", t -> t.startsWith("Reconnecting"), WAIT);
      server = TutorialServer.start(port);
      waitForRoundTrip(alice);
      waitForRoundTrip(bob);
      alice.type("#message", "Back again\n");
      seenByBob = bob.waitForText("#messages", t -> t.contains("Back again"), WAIT);
      assertTrue(seenByBob.contains("Alice: Back again"), seenByBob);
    } finally {
      server.stop();
    }
  }

  // The page pings once connected; the pong, matched to the ping by its ref, shows the round trip.
  private static void waitForRoundTrip(Browser browser) throws Exception {
    browser.waitForText("#status", t -> t.matches("Connected to room1\\. Round trip \\d+ ms\\."), WAIT);
  }

  private static void join(Browser browser, String page, String name) throws Exception {
    browser.open(page);
    browser.type("#name", name);
    browser.clear("#room");
    browser.type("#room", "room1");
    browser.click("#join-button");
    waitForRoundTrip(browser);
  }
}
