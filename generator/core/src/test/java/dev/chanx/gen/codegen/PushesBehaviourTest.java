package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.channel.ChannelEvents;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.Message;
import dev.chanx.server.ChannelPublisher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tutorial's system channel, generated with two hand-written handlers beside it, compiled and
 * driven the way the runtime drives it: its publisher hands typed pushes on, its events decode a
 * push and route it to the handler's transform for it.
 */
@ExtendWith(SharedSpecs.Needed.class)
class PushesBehaviourTest {

  private static final String PLAIN_JOBS = """
      package com.example.system;

      import dev.chanx.server.channel.Connection;

      public final class PlainJobs implements SystemHandler {
        @Override
        public PongMessage systemHandlePing(PingMessage message,
            Connection<SystemServerMessage, SystemPath> connection) {
          return new PongMessage();
        }

        @Override
        public JobQueued handleSystemMessage(SystemMessage message,
            Connection<SystemServerMessage, SystemPath> connection) {
          return new JobQueued("queued");
        }
      }
      """;

  private static final String SHOUTING_JOBS = """
      package com.example.system;

      import dev.chanx.server.channel.Connection;

      public final class ShoutingJobs implements SystemHandler {
        @Override
        public PongMessage systemHandlePing(PingMessage message,
            Connection<SystemServerMessage, SystemPath> connection) {
          return new PongMessage();
        }

        @Override
        public JobQueued handleSystemMessage(SystemMessage message,
            Connection<SystemServerMessage, SystemPath> connection) {
          return new JobQueued("queued");
        }

        @Override
        public JobResult onJobResult(JobResult event, Connection<SystemServerMessage, SystemPath> connection) {
          return new JobResult(event.payload().toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public SystemNotification onSystemNotification(SystemNotification event,
            Connection<SystemServerMessage, SystemPath> connection) {
          return null;
        }
      }
      """;

  @TempDir
  static Path workDir;

  static ClassLoader loader;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    List<GeneratedFile> files = new ArrayList<>(JavaGenerator.generate(SpecReader.read(SharedSpecs.tutorial(), null),
        "com.example"));
    files.add(new GeneratedFile("com/example/system/PlainJobs.java", PLAIN_JOBS));
    files.add(new GeneratedFile("com/example/system/ShoutingJobs.java", SHOUTING_JOBS));
    loader = InMemoryJavac.compile(files, workDir);
  }

  private static Class<?> type(String name) throws ClassNotFoundException {
    return Class.forName("com.example." + name, true, loader);
  }

  private static Object create(String name, Object... arguments) throws Exception {
    Class<?>[] types = new Class<?>[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      types[i] = arguments[i].getClass();
    }
    return type(name).getConstructor(types).newInstance(arguments);
  }

  @SuppressWarnings("unchecked")
  private static ChannelEvents<ChannelHandler<Message, Object>, Message, Object> events(String channel)
      throws Exception {
    ChannelRoute<?, ?, ?, ?> route = (ChannelRoute<?, ?, ?, ?>) type(channel).getMethod("create").invoke(null);
    return (ChannelEvents<ChannelHandler<Message, Object>, Message, Object>) (Object) route.events();
  }

  @SuppressWarnings("unchecked")
  private static ChannelHandler<Message, Object> handler(String name) throws Exception {
    return (ChannelHandler<Message, Object>) type(name).getConstructor().newInstance();
  }

  private static Message decode(ChannelEvents<?, Message, ?> events, String frame) {
    Decoded<Message> decoded = events.decode(CompiledChannel.parse(frame));
    assertTrue(decoded.isValid(), () -> frame + ": " + decoded.errors());
    return decoded.value();
  }

  @Test
  void aPushDecodesIntoItsMessageAndTheDefaultTransformLeavesItAsItIs() throws Exception {
    ChannelEvents<ChannelHandler<Message, Object>, Message, Object> events = events("system.SystemRoute");
    ChannelHandler<Message, Object> plain = handler("system.PlainJobs");

    Message result = decode(events, "{\"action\":\"job_result\",\"payload\":\"done\"}");
    Message notification = decode(events, "{\"action\":\"system_notification\",\"payload\":\"hi\"}");

    assertEquals(create("system.JobResult", "done"), result);
    assertSame(result, events.transform(result, plain, null), "unchanged, so serialised once for all");
    assertSame(notification, events.transform(notification, plain, null));
    assertFalse(events.decode(CompiledChannel.parse("{\"action\":\"job_result\",\"payload\":5}")).isValid());
  }

  @Test
  void anOverriddenTransformChangesOrDropsThePushAndLeavesOtherMessagesAlone() throws Exception {
    ChannelEvents<ChannelHandler<Message, Object>, Message, Object> events = events("system.SystemRoute");
    ChannelHandler<Message, Object> shouting = handler("system.ShoutingJobs");

    assertEquals(create("system.JobResult", "DONE"),
        events.transform(decode(events, "{\"action\":\"job_result\",\"payload\":\"done\"}"), shouting, null));
    assertNull(events.transform(decode(events, "{\"action\":\"system_notification\",\"payload\":\"hi\"}"),
        shouting, null));
    Message queued = decode(events, "{\"action\":\"job_queued\",\"payload\":\"q\"}");
    assertSame(queued, events.transform(queued, shouting, null), "a reply has no transform");
  }

  @Test
  void thePublisherHandsEachTypedPushToTheChannelPublisher() throws Exception {
    List<String> pushed = new ArrayList<>();
    ChannelPublisher<Message> recorder = new ChannelPublisher<>() {
      @Override
      public void send(String connectionId, Message message) {
        pushed.add("send " + connectionId + " " + message.wireTag());
      }

      @Override
      public void broadcast(Message message, Collection<String> groups) {
        pushed.add("broadcast " + groups + " " + message.wireTag());
      }
    };
    Class<?> publisherType = type("system.SystemPublisher");
    Class<?> jobResult = type("system.JobResult");
    Object publisher = publisherType.getMethod("of", ChannelPublisher.class).invoke(null, recorder);
    Object result = create("system.JobResult", "done");

    publisherType.getMethod("pushJobResult", String.class, jobResult).invoke(publisher, "n.1", result);
    publisherType.getMethod("broadcastJobResult", jobResult, String[].class)
        .invoke(publisher, result, new String[] {"a", "b"});
    publisherType.getMethod("broadcastJobResult", jobResult, Collection.class).invoke(publisher, result, List.of("c"));
    publisherType.getMethod("broadcastSystemNotification", type("system.SystemNotification"), String[].class)
        .invoke(publisher, create("system.SystemNotification", "hi"), new String[] {"everyone"});

    assertEquals(List.of("send n.1 job_result", "broadcast [a, b] job_result", "broadcast [c] job_result",
        "broadcast [everyone] system_notification"), pushed);
  }

  @Test
  void aChannelWithoutSendOperationsHasNeitherPublisherNorEvents() throws Exception {
    assertNotNull(events("system.SystemRoute"));
    assertNull(events("chat.ChatRoute"));
    for (String name : List.of("chat.ChatPublisher", "chat.ChatEvents", "chat.ChatServerMessageDecoder")) {
      assertThrowsClassNotFound(name);
    }
  }

  private static void assertThrowsClassNotFound(String name) {
    try {
      type(name);
    } catch (ClassNotFoundException expected) {
      return;
    }
    throw new AssertionError(name + " should not be generated");
  }
}
