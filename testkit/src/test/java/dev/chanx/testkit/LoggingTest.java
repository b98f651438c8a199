package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.channel.Connection;
import dev.chanx.server.testing.chat.BoomMessage;
import dev.chanx.server.testing.chat.ChatHandler;
import dev.chanx.server.testing.chat.ChatPath;
import dev.chanx.server.testing.chat.ChatRoute;
import dev.chanx.server.testing.chat.ChatServerMessage;
import dev.chanx.server.testing.chat.EchoMessage;
import dev.chanx.server.testing.chat.NewChatMessage;
import dev.chanx.server.testing.chat.PingMessage;
import dev.chanx.server.testing.chat.PongMessage;
import dev.chanx.server.testing.chat.SlowMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Log lines carry the connection, the frame's short id and its action; frame texts only when asked for. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoggingTest {

  /** A chat handler that notes what the MDC holds while it handles a ping. */
  static final class MdcRoom implements ChatHandler {
    final BlockingQueue<String> connections = new LinkedBlockingQueue<>();
    final BlockingQueue<Map<String, String>> seen = new LinkedBlockingQueue<>();

    @Override
    public void onConnect(Connection<ChatServerMessage, ChatPath> connection) {
      connections.add(connection.id());
    }

    @Override
    public PongMessage handlePing(PingMessage message, Connection<ChatServerMessage, ChatPath> connection) {
      seen.add(MDC.getCopyOfContextMap());
      return new PongMessage();
    }

    @Override
    public NewChatMessage handleNewChatMessage(NewChatMessage m, Connection<ChatServerMessage, ChatPath> c) {
      return null;
    }

    @Override
    public void handleBoom(BoomMessage m, Connection<ChatServerMessage, ChatPath> c) {
      throw new IllegalStateException("boom");
    }

    @Override
    public EchoMessage handleSlow(SlowMessage m, Connection<ChatServerMessage, ChatPath> c) {
      return new EchoMessage(m.payload());
    }
  }

  private static final MdcRoom ROOM = new MdcRoom();

  @RegisterExtension
  static ChanxServerExtension logged = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .logFrameContents(true).channel(ChatRoute.create(), ROOM)));

  @RegisterExtension
  static ChanxServerExtension quiet = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .channel(ChatRoute.create(), new MdcRoom())));

  @Test
  void whileAFrameIsHandledTheMdcNamesItsConnectionIdAndAction() throws Exception {
    ROOM.connections.clear();
    ROOM.seen.clear();
    ChanxTestClient<?> client = logged.client("/ws/chat/mdc/").connect();
    String id = ROOM.connections.poll(10, TimeUnit.SECONDS);
    client.send("{\"action\":\"ping\"}").expectAction("pong");
    client.send("{\"action\":\"ping\"}").expectAction("pong");
    ROOM.seen.poll(10, TimeUnit.SECONDS);
    Map<String, String> second = ROOM.seen.poll(10, TimeUnit.SECONDS);
    assertEquals(Map.of("chanx.connection", id, "chanx.frame", id + "/2", "chanx.action", "ping"), second);
  }

  @Test
  void frameTextsAreLoggedWhenAskedForWithTheFrameId() throws Exception {
    List<ILoggingEvent> events = logsOf(() -> logged.client("/ws/chat/texts/").connect()
        .send("{\"action\":\"ping\",\"payload\":null,\"note\":\"s3cr3t-1\"}").expectAction("pong"));
    ILoggingEvent in = only(events, e -> e.getFormattedMessage().contains("{\"action\":\"ping\",\"payload\":null,\"note\":\"s3cr3t-1\"}"));
    ILoggingEvent out = only(events, e -> e.getFormattedMessage().contains("{\"action\":\"pong\",\"payload\":null}"));
    assertEquals("dev.chanx.server.frames", in.getLoggerName());
    String frame = in.getMDCPropertyMap().get("chanx.frame");
    assertTrue(in.getFormattedMessage().startsWith("<- " + frame + " "), in.getFormattedMessage());
    assertEquals(frame, out.getMDCPropertyMap().get("chanx.frame"));
    assertEquals("ping", out.getMDCPropertyMap().get("chanx.action"));
  }

  @Test
  void frameTextsAreNeverLoggedOtherwiseNotEvenAtDebugOrWhenFramesFail() throws Exception {
    Logger chanx = (Logger) LoggerFactory.getLogger("dev.chanx");
    Level before = chanx.getLevel();
    chanx.setLevel(Level.DEBUG);
    List<ILoggingEvent> events;
    try {
      events = logsOf(() -> {
        ChanxTestClient<?> client = quiet.client("/ws/chat/texts/").connect();
        client.send("{\"action\":\"ping\",\"payload\":null,\"note\":\"s3cr3t-2\"}").expectAction("pong");
        client.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"s3cr3t-3\"}}").expectError();
        client.send("{\"action\":\"boom\",\"payload\":null,\"note\":\"s3cr3t-4\"}").expectError();
        client.send("s3cr3t-5 is not json").expectError();
        client.send("{\"action\":\"s3cr3t-6\"}").expectError();
      });
    } finally {
      chanx.setLevel(before);
    }
    for (ILoggingEvent event : events) {
      String text = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
      assertFalse(text.contains("s3cr3t"), text);
    }
    ILoggingEvent failed = only(events, e -> e.getFormattedMessage().startsWith("Handler failed for action boom"));
    assertEquals("boom", failed.getMDCPropertyMap().get("chanx.action"));
    assertTrue(failed.getFormattedMessage().contains(failed.getMDCPropertyMap().get("chanx.frame")), failed.getFormattedMessage());
    assertTrue(events.stream().anyMatch(e -> e.getFormattedMessage().matches("Frame \\S+/1 \\(ping\\) handled on connection .*")),
        "a DEBUG line per frame");
  }

  private static ILoggingEvent only(List<ILoggingEvent> events, Predicate<ILoggingEvent> which) {
    List<ILoggingEvent> matching = events.stream().filter(which).toList();
    assertEquals(1, matching.size(), () -> "matching events: " + matching);
    return matching.get(0);
  }

  /** The log events while the action runs; every frame's log lines are written before its answer is sent. */
  private static List<ILoggingEvent> logsOf(Runnable action) {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    try {
      action.run();
    } finally {
      root.detachAppender(appender);
    }
    return List.copyOf(appender.list);
  }
}
