package dev.chanx.example;

import dev.chanx.example.system.JobQueued;
import dev.chanx.example.system.JobResult;
import dev.chanx.example.system.PingMessage;
import dev.chanx.example.system.PongMessage;
import dev.chanx.example.system.SystemHandler;
import dev.chanx.example.system.SystemMessage;
import dev.chanx.example.system.SystemPath;
import dev.chanx.example.system.SystemServerMessage;
import dev.chanx.server.channel.Connection;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A system handler for push tests: tells the test each connection's id, joins the group named by
 * the {@code group} query parameter, and transforms job results as the {@code mode} query
 * parameter says: {@code shout} upper-cases them, {@code mute} drops them, {@code fail} throws.
 */
final class PerConnectionJobs implements SystemHandler {

  private final BlockingQueue<String> connected = new LinkedBlockingQueue<>();

  /** The id of the next connection that opened, in the order they opened. */
  String nextConnectionId() throws InterruptedException {
    String id = connected.poll(Heard.WAIT_SECONDS, TimeUnit.SECONDS);
    if (id == null) {
      throw new AssertionError("no connection opened within " + Heard.WAIT_SECONDS + " s");
    }
    return id;
  }

  @Override
  public void onConnect(Connection<SystemServerMessage, SystemPath> connection) {
    connection.queryParameter("group").ifPresent(connection::join);
    connected.add(connection.id());
  }

  // tag::transform[]
  @Override
  public JobResult onJobResult(JobResult event, Connection<SystemServerMessage, SystemPath> connection) {
    return switch (connection.queryParameter("mode").orElse("")) {
      case "shout" -> new JobResult(event.payload().toUpperCase(Locale.ROOT));
      case "mute" -> null;
      case "fail" -> throw new IllegalStateException("this connection's transform fails");
      default -> event;
    };
  }
  // end::transform[]

  @Override
  public JobQueued handleSystemMessage(SystemMessage message, Connection<SystemServerMessage, SystemPath> connection) {
    return new JobQueued("not run: this handler only tests pushes");
  }

  @Override
  public PongMessage handleSystemPing(PingMessage message, Connection<SystemServerMessage, SystemPath> connection) {
    return new PongMessage();
  }
}
