package dev.chanx.bench;

import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.testing.ChatRoom;
import dev.chanx.server.testing.chat.ChatRoute;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Cross-node broadcast throughput and latency: the test chat on one node with the in-memory
 * layer, then on two nodes sharing Redis with each room split across them, in one run.
 *
 * <p>Everything runs on loopback in this JVM, so a message's {@link System#nanoTime()} stamp can
 * be compared with its arrival time. The load clients do not offer compression.
 */
public final class CrossNodeBench {

  private CrossNodeBench() {}

  /** Runs both scenarios and prints the machine and a Markdown table. */
  public static void main(String[] args) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println(machine());
    System.out.printf("%d clients in %d rooms (%d recipients per message), %.1f msg/s each, %d s warm-up, %d s measured%n%n",
        options.clients(), options.rooms(), options.recipients(), options.rate(), options.warmupSeconds(),
        options.seconds());
    // A first, unreported round compiles the hot paths, so the scenario that runs first is not the cold one.
    oneNodeInMemory(options.warmupRound());
    Result memory = oneNodeInMemory(options);
    Result redis = twoNodesOnRedis(options);
    System.out.println(Result.HEADER);
    System.out.println(memory.row());
    System.out.println(redis.row());
    System.exit(0);
  }

  private static Result oneNodeInMemory(BenchOptions options) throws Exception {
    ChatRoom room = new ChatRoom();
    ChanxServer server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(ChatRoute.create(), room)).start();
    try {
      return Scenario.run("one node, in-memory", options, i -> server.port(),
          () -> Wait.until("all clients joined", () -> room.connected.size() == options.clients()),
          () -> Double.NaN);
    } finally {
      server.stop();
    }
  }

  private static Result twoNodesOnRedis(BenchOptions options) throws Exception {
    String namespace = "chanx-bench-" + UUID.randomUUID().toString().substring(0, 8);
    List<ChatRoom> rooms = List.of(new ChatRoom(), new ChatRoom());
    List<RedisChannelLayer> layers = List.of(RedisChannelLayer.create(options.redis()).namespace(namespace),
        RedisChannelLayer.create(options.redis()).namespace(namespace));
    List<ChanxServer> servers = List.of(
        ChanxServer.create(config -> config.host("127.0.0.1").port(0).layer(layers.get(0))
            .channel(ChatRoute.create(), rooms.get(0))).start(),
        ChanxServer.create(config -> config.host("127.0.0.1").port(0).layer(layers.get(1))
            .channel(ChatRoute.create(), rooms.get(1))).start());
    try (RedisCpu cpu = new RedisCpu(options.redis())) {
      // Client i joins room i % rooms on node (i / rooms) % 2, so every room has half its members on each node.
      return Scenario.run("two nodes, Redis", options, i -> servers.get((i / options.rooms()) % 2).port(),
          () -> {
            Wait.until("all clients joined",
                () -> rooms.get(0).connected.size() + rooms.get(1).connected.size() == options.clients());
            Wait.until("both nodes subscribed to every room", () -> layers.stream().allMatch(layer ->
                layer.subscribedGroups().size() == options.rooms()));
          },
          cpu::seconds);
    } finally {
      servers.forEach(ChanxServer::stop);
    }
  }

  private static String machine() throws Exception {
    String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(line -> line.startsWith("model name")).findFirst()
        .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown");
    return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + model + "), Java "
        + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
        + System.getProperty("os.version");
  }
}
