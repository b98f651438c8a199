package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.example.chat.ChatClient;
import dev.chanx.example.chat.ChatListener;
import dev.chanx.example.chat.ChatMessagePayload;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.example.chat.NewChatMessage;
import dev.chanx.example.chat.PingMessage;
import dev.chanx.example.chat.PongMessage;
import dev.chanx.client.ClientConfig;
import dev.chanx.client.ErrorFrame;
import dev.chanx.client.Reconnect;
import dev.chanx.server.ChanxServer;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's Java client snippet, compiled and run against the example server on port 0. */
@Timeout(30)
class ReadmeClientSnippetTest {

  @Test
  void theSnippetRuns() {
    ChanxServer server = ChatServer.create(0).start();
    try {
      URI uri = URI.create("ws://localhost:" + server.port());
      // From the README, with the server's port:
      ChatClient alice = ChatClient.connect(uri, new ChatPath("room1"),
          config -> config.reconnect(Reconnect.withBackoff(Duration.ofMillis(250), Duration.ofSeconds(10))),
          new ChatListener() {
            @Override
            public void onNewChatMessage(NewChatMessage message) {
              System.out.println(message.payload().name() + ": " + message.payload().message());
            }

            @Override
            public void onError(ErrorFrame error) {
              System.err.println(error);
            }
          }).join();
      alice.send(new NewChatMessage(new ChatMessagePayload("Hello everyone!", "Alice")));
      PongMessage pong = alice.request(new PingMessage()).join();  // the reply that carries the ping's ref
      alice.close(1000, "bye").join();

      assertEquals(new PongMessage(), pong);
    } finally {
      server.stop();
    }
  }
}
