package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.example.chat.ChatClient;
import dev.chanx.example.chat.ChatListener;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.example.chat.ChatRoute;
import dev.chanx.example.chat.PingMessage;
import dev.chanx.example.chat.PongMessage;
import dev.chanx.server.ChanxServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's server snippet, compiled and run on port 0 instead of 8000, and the README kept equal to it. */
@Timeout(30)
class ReadmeServerSnippetTest {

  private static final Path README = Path.of("../README.md");
  private static final Path SELF = Path.of("src/test/java/dev/chanx/example/ReadmeServerSnippetTest.java");

  @Test
  void theSnippetServesTheChat() {
    // tag::readme[]
    ChanxServer server = ChanxServer.create(config -> {
      config.port(0);
      config.channel(ChatRoute.create(), new ChatRoom());
      config.staticResources("/chat/", "public/chat");
      config.asyncApi("chat.asyncapi.yaml");
    }).start();
    // end::readme[]
    try (ChatClient client = ChatClient.connect(URI.create("ws://127.0.0.1:" + server.port()), new ChatPath("room1"),
        new ChatListener() {}).join()) {
      assertEquals(new PongMessage(), client.request(new PingMessage()).join());
    } finally {
      server.stop();
    }
  }

  @Test
  void theReadmeShowsThisSnippetOnPort8000InUnderFifteenLines() throws IOException {
    List<String> twin = region().stream().map(line -> line.replace("config.port(0);", "config.port(8000);")).toList();
    List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
    int first = readme.indexOf(twin.get(0));
    assertTrue(first > 0 && readme.get(first - 1).equals("```java"), "the README has no block starting " + twin.get(0));
    assertEquals(twin, readme.subList(first, first + twin.size()));
    assertEquals("```", readme.get(first + twin.size()), "the README's block goes on after the snippet");
    assertTrue(twin.size() < 15, "the README's server snippet has " + twin.size() + " lines");
  }

  // The lines between the tags, less their indent.
  private static List<String> region() throws IOException {
    List<String> lines = Files.readAllLines(SELF, StandardCharsets.UTF_8);
    int start = lines.indexOf("    // tag::readme[]");
    int end = lines.indexOf("    // end::readme[]");
    return lines.subList(start + 1, end).stream().map(line -> line.substring(4)).toList();
  }
}
