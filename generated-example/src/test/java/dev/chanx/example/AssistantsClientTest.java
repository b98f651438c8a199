package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.example.assistants.AssistantMessage;
import dev.chanx.example.assistants.AssistantsClient;
import dev.chanx.example.assistants.AssistantsListener;
import dev.chanx.example.assistants.AssistantsPath;
import dev.chanx.example.assistants.CompleteStreamingMessage;
import dev.chanx.example.assistants.PingMessage;
import dev.chanx.example.assistants.PongMessage;
import dev.chanx.example.assistants.StreamingMessage;
import dev.chanx.example.assistants.StreamingStartMessage;
import dev.chanx.client.ErrorFrame;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The tutorial's assistant flow over a real socket, driven by the Java client generated for it. */
@Timeout(60)
class AssistantsClientTest {

  private TutorialServer server;

  @BeforeEach
  void start() {
    server = TutorialServer.start(0);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private AssistantsClient connect(Heard heard) throws Exception {
    AssistantsClient client = AssistantsClient.connect(URI.create("ws://127.0.0.1:" + server.port()),
        new AssistantsPath(), new Listener(heard)).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals("open", heard.next());
    return client;
  }

  @Test
  void aQuestionIsAnsweredByAStartSeveralChunksAndTheCompleteAnswerInOrder() throws Exception {
    Heard heard = new Heard();
    try (AssistantsClient client = connect(heard)) {
      client.send(new AssistantMessage("What is a channel layer?")).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);

      assertEquals("start ", heard.next());
      List<String> chunks = new ArrayList<>();
      String event = heard.next();
      while (event.startsWith("chunk ")) {
        chunks.add(event.substring("chunk ".length()));
        event = heard.next();
      }
      String answer = CannedAssistant.answer("What is a channel layer?");
      assertTrue(chunks.size() >= 2, "chunks: " + chunks);
      assertEquals("complete " + answer, event);
      assertEquals(answer, String.join("", chunks), "the chunks add up to the complete answer");
      heard.assertQuiet();
    }
  }

  @Test
  void pingIsAnsweredWithPong() throws Exception {
    Heard heard = new Heard();
    try (AssistantsClient client = connect(heard)) {
      assertEquals(new PongMessage(), client.request(new PingMessage()).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS));
      heard.assertQuiet();
    }
  }

  @Test
  void anEmptyQuestionIsRefusedAndTheSocketStaysOpen() throws Exception {
    Heard heard = new Heard();
    try (AssistantsClient client = connect(heard)) {
      client.send(new AssistantMessage("")).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);

      String error = heard.next();
      assertTrue(error.startsWith("error ") && error.contains("string_too_short"), error);
      assertEquals(new PongMessage(), client.request(new PingMessage()).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS));
    }
  }

  /** Hears the assistant: one line per frame. */
  private record Listener(Heard heard) implements AssistantsListener {

    @Override
    public void onStreamingStartMessage(StreamingStartMessage message) {
      heard.add("start " + message.payload().content());
    }

    @Override
    public void onStreamingMessage(StreamingMessage message) {
      heard.add("chunk " + message.payload().content());
    }

    @Override
    public void onCompleteStreamingMessage(CompleteStreamingMessage message) {
      heard.add("complete " + message.payload().content());
    }

    @Override
    public void onPongMessage(PongMessage message) {
      heard.add("pong");
    }

    @Override
    public void onOpen() {
      heard.add("open");
    }

    @Override
    public void onError(ErrorFrame error) {
      heard.add("error " + error);
    }
  }
}
