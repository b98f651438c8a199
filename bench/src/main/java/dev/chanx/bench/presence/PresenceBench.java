package dev.chanx.bench.presence;

import dev.chanx.example.ChatServer;
import dev.chanx.redis.RedisPresence;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.presence.PresenceStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Presence at scale (issue 18): how long a client joining a room of 10,000 members waits for its
 * {@code presence_state}, in memory and on Redis, and what a member costs in Redis.
 *
 * <p>The members are tracked straight in the server's store (10,000 sockets are not what is
 * measured); the probe is a real WebSocket client on loopback that connects with {@code ?name=}
 * to the tutorial chat, so the time runs from the start of its connect to the arrival of the whole
 * {@code presence_state} frame: upgrade, track, the state, serialisation, send. Two paths, in the
 * same run: cold, the room's first connection on the node (the state is read from the store), and
 * warm, while another connection of the room stays open on the node (the state is the node's
 * mirror of the room, kept by the events it receives anyway).
 * {@code java -cp chanx-bench.jar dev.chanx.bench.presence.PresenceBench [redis-uri] [members] [probes]}
 */
public final class PresenceBench {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private PresenceBench() {}

  public static void main(String[] args) throws Exception {
    String redis = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
    int members = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    int probes = args.length > 2 ? Integer.parseInt(args[2]) : 21;
    System.out.println("| store | path | members | probes | state frame bytes | p50 ms | min ms | max ms |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    run("in-memory", null, null, members, probes);
    String namespace = "chanx-bench-" + UUID.randomUUID().toString().substring(0, 8);
    run("Redis", RedisPresence.create(redis).namespace(namespace), redis + "#" + namespace, members, probes);
  }

  private static void run(String name, RedisPresence presence, String redis, int members, int probes)
      throws Exception {
    ChanxServer server = ChatServer.create(config -> {
      config.port(0);
      if (presence != null) {
        config.presence(presence);
      }
    }).start();
    try {
      String namespace = redis == null ? null : redis.substring(redis.indexOf('#') + 1);
      RedisClient client = redis == null ? null : RedisClient.create(redis.substring(0, redis.indexOf('#')));
      StatefulRedisConnection<String, String> admin = client == null ? null : client.connect();
      long before = admin == null ? 0 : usedMemory(admin);
      PresenceStore store = server.presence();
      for (int i = 0; i < members; i++) {
        store.track("chat/big", "bench" + i, "member" + i, "{\"name\":\"member" + i + "\"}");
      }
      while (store.state("chat/big").toCompletableFuture().get().members().size() < members) {
        Thread.sleep(50);
      }
      // Cold: no other connection of this node receives the room, so each join reads the store.
      probe(server, name, "cold (store read)", members, probes);
      // Warm: one connection of the room stays open on this node, as a room's members do, so a
      // join's state comes from the node's mirror of the room.
      CompletableFuture<String> residentState = new CompletableFuture<>();
      WebSocket resident = HTTP.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/chat/big/?name=resident"),
              new FirstFrame(residentState))
          .get(10, TimeUnit.SECONDS);
      residentState.get(10, TimeUnit.SECONDS);
      probe(server, name, "warm (mirror)", members, probes);
      resident.sendClose(1000, "").get(10, TimeUnit.SECONDS);
      if (admin != null) {
        long after = usedMemory(admin);
        long keys = 0;
        for (String key : admin.sync().keys(namespace + ":p:*chat/big")) {
          Long usage = admin.sync().memoryUsage(key);
          keys += usage == null ? 0 : usage;
        }
        for (String key : admin.sync().keys(namespace + ":p:node:" + presence.nodeId())) {
          Long usage = admin.sync().memoryUsage(key);
          keys += usage == null ? 0 : usage;
        }
        System.out.printf("%nRedis memory for %,d members (one connection each): used_memory grew %,d bytes"
            + " (%,d per member); MEMORY USAGE of the room's hashes and the node's set %,d bytes (%,d per member)%n",
            members, after - before, (after - before) / members, keys, keys / members);
        admin.close();
        client.shutdown();
      }
    } finally {
      server.stop();
    }
  }

  private static void probe(ChanxServer server, String name, String path, int members, int probes)
      throws Exception {
    List<Double> millis = new ArrayList<>();
    int bytes = 0;
    for (int i = 0; i < probes; i++) {
      long start = System.nanoTime();
      CompletableFuture<String> state = new CompletableFuture<>();
      WebSocket socket = HTTP.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws/chat/big/?name=probe" + i),
              new FirstFrame(state))
          .get(10, TimeUnit.SECONDS);
      String frame = state.get(10, TimeUnit.SECONDS);
      long took = System.nanoTime() - start;
      if (!frame.startsWith("{\"action\":\"presence_state\"")) {
        throw new IllegalStateException("not a state: " + frame.substring(0, 80));
      }
      bytes = frame.length();
      if (i > 0) {
        millis.add(took / 1e6);
      }
      socket.sendClose(1000, "").get(10, TimeUnit.SECONDS);
    }
    Collections.sort(millis);
    System.out.printf("| %s | %s | %,d | %d | %,d | %.1f | %.1f | %.1f |%n", name, path, members, millis.size(), bytes,
        millis.get(millis.size() / 2), millis.get(0), millis.get(millis.size() - 1));
  }

  private static long usedMemory(StatefulRedisConnection<String, String> admin) {
    for (String line : admin.sync().info("memory").split("\r?\n")) {
      if (line.startsWith("used_memory:")) {
        return Long.parseLong(line.substring("used_memory:".length()).trim());
      }
    }
    throw new IllegalStateException("no used_memory in INFO");
  }

  /** Completes with the first whole text frame. */
  private record FirstFrame(CompletableFuture<String> first, StringBuilder text) implements WebSocket.Listener {

    FirstFrame(CompletableFuture<String> first) {
      this(first, new StringBuilder());
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        first.complete(text.toString());
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }
}
