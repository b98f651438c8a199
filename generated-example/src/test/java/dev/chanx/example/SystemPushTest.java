package dev.chanx.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.example.system.JobResult;
import dev.chanx.example.system.PingMessage;
import dev.chanx.example.system.SystemClient;
import dev.chanx.example.system.SystemNotification;
import dev.chanx.example.system.SystemPath;
import dev.chanx.example.system.SystemPublisher;
import dev.chanx.example.system.SystemRoute;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.ServerConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pushes from outside any connection, through the generated {@code SystemPublisher}: to one
 * connection, to groups, transformed per connection by the handler, and across nodes.
 */
@Timeout(60)
class SystemPushTest {

  private final List<ChanxServer> servers = new ArrayList<>();
  private final List<SystemClient> clients = new ArrayList<>();

  @AfterEach
  void stop() {
    clients.forEach(SystemClient::close);
    servers.forEach(ChanxServer::stop);
  }

  private ChanxServer start(PerConnectionJobs jobs, Consumer<ServerConfig> more) {
    ChanxServer server = ChanxServer.create(config -> more.accept(config.port(0).channel(SystemRoute.create(), jobs)))
        .start();
    servers.add(server);
    return server;
  }

  /** Connects with the given query parameters (name, value...) and returns the connection's id on the server. */
  private String connect(ChanxServer server, PerConnectionJobs jobs, Heard heard, String... query) throws Exception {
    SystemClient client = SystemClient.connect(URI.create("ws://127.0.0.1:" + server.port()), new SystemPath(),
        config -> {
          for (int i = 0; i < query.length; i += 2) {
            config.query(query[i], query[i + 1]);
          }
        }, new SystemListenerLog(heard)).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);
    clients.add(client);
    assertEquals("open", heard.next());
    // Frames of one socket are answered in order: after the pong, onConnect has joined its group.
    client.request(new PingMessage()).get(Heard.WAIT_SECONDS, TimeUnit.SECONDS);
    return jobs.nextConnectionId();
  }

  @Test
  void aPushFromATestThreadReachesTheOneConnectionItNames() throws Exception {
    PerConnectionJobs jobs = new PerConnectionJobs();
    ChanxServer server = start(jobs, config -> {});
    Heard alice = new Heard();
    Heard bob = new Heard();
    String aliceId = connect(server, jobs, alice);
    connect(server, jobs, bob);

    SystemPublisher.of(server).pushJobResult(aliceId, new JobResult("for Alice"));

    assertEquals("result for Alice", alice.next());
    alice.assertQuiet();
    bob.assertQuiet();
  }

  @Test
  void aBroadcastReachesEveryMemberOfTheGroupsOnce() throws Exception {
    PerConnectionJobs jobs = new PerConnectionJobs();
    ChanxServer server = start(jobs, config -> {});
    Heard red = new Heard();
    Heard red2 = new Heard();
    Heard blue = new Heard();
    Heard none = new Heard();
    connect(server, jobs, red, "group", "red");
    connect(server, jobs, red2, "group", "red");
    connect(server, jobs, blue, "group", "blue");
    connect(server, jobs, none);
    SystemPublisher publisher = SystemPublisher.of(server);

    publisher.broadcastSystemNotification(new SystemNotification("to red"), "red");
    publisher.broadcastSystemNotification(new SystemNotification("to red and blue"), List.of("red", "blue", "red"));

    for (Heard member : List.of(red, red2)) {
      assertEquals("notification to red", member.next());
      assertEquals("notification to red and blue", member.next());
      member.assertQuiet();
    }
    assertEquals("notification to red and blue", blue.next());
    blue.assertQuiet();
    none.assertQuiet();
  }

  @Test
  void theHandlerTransformsOrDropsAPushForEachConnection() throws Exception {
    PerConnectionJobs jobs = new PerConnectionJobs();
    ChanxServer server = start(jobs, config -> {});
    Heard plain = new Heard();
    Heard shout = new Heard();
    Heard mute = new Heard();
    Heard fail = new Heard();
    connect(server, jobs, plain, "group", "all");
    connect(server, jobs, shout, "group", "all", "mode", "shout");
    String muteId = connect(server, jobs, mute, "group", "all", "mode", "mute");
    connect(server, jobs, fail, "group", "all", "mode", "fail");
    SystemPublisher publisher = SystemPublisher.of(server);

    publisher.broadcastJobResult(new JobResult("Job 7 done"), "all");
    publisher.pushJobResult(muteId, new JobResult("only for the muted"));
    // Notifications have no transform of their own: everyone gets them as they are.
    publisher.broadcastSystemNotification(new SystemNotification("after"), "all");

    assertEquals("result Job 7 done", plain.next());
    assertEquals("result JOB 7 DONE", shout.next());
    for (Heard heard : List.of(plain, shout, mute, fail)) {
      assertEquals("notification after", heard.next());
      heard.assertQuiet();
    }
  }

  @Test
  void aPushReachesAConnectionOnAnotherNodeAndIsTransformedThere() throws Exception {
    BytesBus bus = new BytesBus();
    PerConnectionJobs jobsA = new PerConnectionJobs();
    PerConnectionJobs jobsB = new PerConnectionJobs();
    ChanxServer nodeA = start(jobsA, config -> config.layer(bus.layer()));
    ChanxServer nodeB = start(jobsB, config -> config.layer(bus.layer()));
    Heard onA = new Heard();
    Heard onB = new Heard();
    Heard shoutOnB = new Heard();
    connect(nodeA, jobsA, onA, "group", "all");
    String bId = connect(nodeB, jobsB, onB, "group", "all");
    connect(nodeB, jobsB, shoutOnB, "group", "all", "mode", "shout");
    SystemPublisher fromA = SystemPublisher.of(nodeA);

    fromA.pushJobResult(bId, new JobResult("to B"));
    fromA.broadcastJobResult(new JobResult("to all"), "all");

    assertEquals("result to B", onB.next());
    assertEquals("result to all", onA.next());
    assertEquals("result to all", onB.next());
    assertEquals("result TO ALL", shoutOnB.next());
    for (Heard heard : List.of(onA, onB, shoutOnB)) {
      heard.assertQuiet();
    }
  }
}
