package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Role;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slack's Socket Mode document, which describes the client's side ({@code --role client}): our
 * generated server plays Slack, our generated Java client the app. The server sends {@code hello},
 * then an {@code events_api} envelope as a request ({@code RootRequests.requestEvent}); the
 * client's listener acknowledges it by returning the reply, which completes the server's future.
 * A client that does not acknowledge leaves the request to time out with an error that names it.
 * Real sockets on loopback, all of it compiled from what the generator wrote.
 */
@ExtendWith(SharedSpecs.Needed.class)
class SlackSocketModeTest {

  /** The scenario, compiled beside the generated code: it returns what each side saw, in order. */
  private static final String SCENARIO = """
      package com.slack.root;

      import dev.chanx.server.ChanxServer;
      import dev.chanx.server.channel.Connection;
      import java.net.URI;
      import java.time.Duration;
      import java.util.List;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CopyOnWriteArrayList;
      import java.util.concurrent.ExecutionException;
      import java.util.concurrent.LinkedBlockingQueue;
      import java.util.concurrent.TimeUnit;

      public final class SlackScenario implements java.util.concurrent.Callable<List<String>> {
        @Override
        public List<String> call() throws Exception {
          List<String> seen = new CopyOnWriteArrayList<>();
          LinkedBlockingQueue<Connection<RootServerMessage, RootPath>> connected = new LinkedBlockingQueue<>();
          RootHandler slack = new RootHandler() {
            @Override
            public void onConnect(Connection<RootServerMessage, RootPath> connection) {
              connection.send(new Hello(null, 1L, null));
              connected.add(connection);
            }
          };
          ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
              .channel(RootRoute.create(), slack)).start();
          try {
            URI uri = URI.create("ws://127.0.0.1:" + server.port());
            RootListener app = new RootListener() {
              @Override
              public void onHello(Hello hello) {
                seen.add("app: hello, " + hello.numConnections() + " connection(s)");
              }

              @Override
              public Acknowledge onEvent(Event event) {
                seen.add("app: event " + event.envelopeId() + ", attempt " + event.retryAttempt());
                return new Acknowledge(event.envelopeId(), null);
              }
            };
            try (RootClient client = RootClient.connect(uri, new RootPath(), config -> config.query("ticket", "t-1"),
                app).get(10, TimeUnit.SECONDS)) {
              Connection<RootServerMessage, RootPath> connection = connected.poll(10, TimeUnit.SECONDS);
              Acknowledge ack = RootRequests.requestEvent(connection,
                  new Event("c044c358", null, false, 0L, "")).get(10, TimeUnit.SECONDS);
              seen.add("slack: acknowledged " + ack.envelopeId());
              seen.add("slack: query ticket " + connection.queryParameter("ticket").orElse("none")
                  + ", client open " + client.isOpen());
            }
            // An app that never acknowledges: the request fails after its timeout, naming itself.
            try (RootClient silent = RootClient.connect(uri, new RootPath(), new RootListener() {})
                .get(10, TimeUnit.SECONDS)) {
              Connection<RootServerMessage, RootPath> connection = connected.poll(10, TimeUnit.SECONDS);
              CompletableFuture<Acknowledge> unanswered = RootRequests.requestEvent(connection,
                  new Event("6d0b4caf", null, false, 3L, "timeout"), Duration.ofMillis(300));
              try {
                unanswered.get(10, TimeUnit.SECONDS);
                seen.add("slack: acknowledged without a reply");
              } catch (ExecutionException e) {
                seen.add("slack: " + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage().replaceAll("connection \\\\S+", "connection <id>"));
              }
              // The connection closing fails what is still waiting.
              CompletableFuture<Acknowledge> cut = RootRequests.requestEvent(connection,
                  new Event("aefc571f", null, false, 0L, ""));
              silent.close(1000, "").get(10, TimeUnit.SECONDS);
              try {
                cut.get(10, TimeUnit.SECONDS);
              } catch (ExecutionException e) {
                seen.add("slack: " + e.getCause().getClass().getSimpleName() + ": "
                    + e.getCause().getMessage().replaceAll("connection \\\\S+", "connection <id>"));
              }
            }
          } finally {
            server.stop();
          }
          return seen;
        }
      }
      """;

  @Test
  @Timeout(60)
  void theServerAsksTheAppAcknowledgesAndSilenceTimesOut(@TempDir Path workDir) throws Exception {
    Path document = SharedSpecs.path("peers/slack-socket-mode-client.yml");
    var model = ChanxGenerator.check(document, CheckOptions.defaults().role(Role.CLIENT));
    List<GeneratedFile> files = new ArrayList<>(ChanxGenerator.generate(model, "com.slack",
        EnumSet.of(Target.SERVER, Target.JAVA_CLIENT)));
    files.add(new GeneratedFile("com/slack/root/SlackScenario.java", SCENARIO));
    ClassLoader loader = InMemoryJavac.compile(files, workDir);
    @SuppressWarnings("unchecked")
    Callable<List<String>> scenario = (Callable<List<String>>) Class.forName("com.slack.root.SlackScenario", true,
        loader).getConstructor().newInstance();

    assertEquals(List.of(
        "app: hello, 1 connection(s)",
        "app: event c044c358, attempt 0",
        "slack: acknowledged c044c358",
        "slack: query ticket t-1, client open true",
        "slack: TimeoutException: no reply to request Event (ref s1) from connection <id> within 300 ms",
        "slack: IOException: connection <id> closed before the reply to request Event (ref s2) came"),
        scenario.call());
  }
}
