package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.MalformedFrameCorpus.Case;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.TestClient;
import dev.chanx.server.testing.chat.ChatRoute;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every hostile frame of the corpus gets its answer in the wire protocol's shape, and the same
 * socket still answers the ping sent after it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MalformedFrameCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ChanxServer server;

  @BeforeAll
  static void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .maxStringLength(MalformedFrameCorpus.MAX_STRING).maxNumberLength(MalformedFrameCorpus.MAX_NUMBER)
        .channel(ChatRoute.create(), new ChatRoom())).start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void corpusHasAtLeastTwoHundredFrames() throws Exception {
    assertTrue(MalformedFrameCorpus.all().size() >= 200, "only " + MalformedFrameCorpus.all().size());
  }

  @Test
  void everyFrameIsAnsweredInShapeAndThePingAfterItStillGetsItsPong() throws Exception {
    List<String> failures = new ArrayList<>();
    try (TestClient client = TestClient.connect(server.port(), "/ws/chat/corpus/")) {
      int n = 0;
      for (Case c : MalformedFrameCorpus.all()) {
        if (c.binary()) {
          client.sendBinary(c.frame().getBytes(StandardCharsets.UTF_8));
        } else {
          client.send(c.frame());
        }
        String probe = "probe-" + n++;
        client.send("{\"action\":\"ping\",\"ref\":\"" + probe + "\"}");
        List<JsonNode> answers = answersUntilPong(client, probe);
        String problem = check(c.expected(), answers);
        if (problem != null) {
          failures.add(problem + " for " + c.expected() + " frame " + abbreviate(c.frame()) + " got " + answers);
        }
      }
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " frames answered wrongly:\n" + String.join("\n", failures));
    }
  }

  private static List<JsonNode> answersUntilPong(TestClient client, String probe) throws Exception {
    List<JsonNode> answers = new ArrayList<>();
    while (true) {
      String text = client.next();
      assertNull(WireShape.problem(text), text);
      JsonNode frame = JSON.readTree(text);
      if (frame.path("action").asText().equals("pong") && probe.equals(frame.path("ref").asText())) {
        return answers;
      }
      answers.add(frame);
    }
  }

  /** What is wrong with the answers, or null. */
  private static String check(String expected, List<JsonNode> answers) {
    if (expected.equals("none")) {
      return answers.isEmpty() ? null : "expected no answer";
    }
    if (answers.size() != 1) {
      return "expected one answer";
    }
    JsonNode answer = answers.get(0);
    String action = answer.path("action").asText();
    if (expected.equals("pong")) {
      return action.equals("pong") ? null : "expected pong";
    }
    if (!action.equals("error") || !answer.path("payload").isArray()) {
      return "expected an error list";
    }
    JsonNode first = answer.path("payload").get(0);
    if (!first.path("type").asText().equals(expected)) {
      return "wrong error type";
    }
    if (expected.equals("json_invalid")) {
      assertEquals(0, first.path("loc").size());
      return first.path("msg").asText().startsWith("Invalid JSON: ") ? null : "msg without 'Invalid JSON: '";
    }
    return null;
  }

  private static String abbreviate(String frame) {
    String escaped = JSON.valueToTree(frame).toString();
    return escaped.length() > 100 ? escaped.substring(0, 100) + "...\"" : escaped;
  }
}
