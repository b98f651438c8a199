package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.model.Operation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Send operations are named after what they push, their key without a leading verb, through the
 * name allocator: a transform that would take a hook's name gets a number, an operation with
 * several messages gets a sealed interface of them, a message pushed twice belongs to the first.
 */
class PushNamesTest {

  private static Message message(String key) {
    return Models.message(key, key, Models.frame("/components/schemas/" + key, key, Map.of()));
  }

  private static Operation send(String key, Message... messages) {
    return new Operation(key, Operation.Action.SEND, null, null, null, "/operations/" + key, List.of(messages),
        List.of());
  }

  @Test
  void sendOperationsNameTheirTransformsAndPublisherMethods(@TempDir Path dir) throws Exception {
    Message ping = message("ping");
    Message jobResult = message("job_result");
    Message alert = message("alert");
    Message warning = message("warning");
    Operation receive = new Operation("handle_ping", Operation.Action.RECEIVE, null, null, null,
        "/operations/handle_ping", List.of(ping), List.of());
    Channel feed = new Channel("feed", "/feed", null, null, null, "/channels/feed", List.of(), List.of(receive),
        List.of(send("handle_job_result", jobResult), send("on_connect", message("hello")),
            send("broadcast_alerts", alert, warning), send("push_again", jobResult)),
        "action", null);
    ApiModel model = new ApiModel(Models.SOURCE, "3.0.0", "Feed", "1.0.0", null, List.of(feed), Map.of());

    List<GeneratedFile> files = JavaGenerator.generate(model, "com.example");
    ClassLoader loader = InMemoryJavac.compile(files, dir);

    Class<?> handler = loader.loadClass("com.example.feed.FeedHandler");
    assertEquals(List.of("onAlerts", "onConnect2", "onJobResult"), Arrays.stream(handler.getDeclaredMethods())
        .filter(Method::isDefault).map(Method::getName).sorted().toList(), "push_again pushes nothing of its own");
    Class<?> publisher = loader.loadClass("com.example.feed.FeedPublisher");
    assertEquals(List.of("broadcastAlerts", "broadcastConnect", "broadcastJobResult", "pushAlerts", "pushConnect",
            "pushJobResult"),
        Arrays.stream(publisher.getDeclaredMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
            .map(Method::getName).distinct().sorted().toList());
    Class<?> alerts = loader.loadClass("com.example.feed.AlertsEvent");
    assertTrue(alerts.isSealed());
    assertEquals(List.of(loader.loadClass("com.example.feed.Alert"), loader.loadClass("com.example.feed.Warning")),
        List.of(alerts.getPermittedSubclasses()));
    assertEquals(alerts, handler.getMethod("onAlerts", alerts, dev.chanx.server.channel.Connection.class)
        .getReturnType());
    assertTrue(files.stream().anyMatch(f -> f.relativePath().equals("com/example/feed/FeedEvents.java")));
  }
}
