package dev.chanx.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * What to run: clients spread over rooms, each sending at a fixed rate for a measured window
 * after a warm-up.
 *
 * @param clients how many WebSocket clients
 * @param rooms how many rooms the clients are spread over, evenly
 * @param rate chat messages each client sends per second
 * @param warmupSeconds how long each scenario runs before measuring
 * @param seconds how long each scenario is measured
 * @param redis the Redis URI of the two-node scenario
 */
record BenchOptions(int clients, int rooms, double rate, int warmupSeconds, int seconds, String redis) {

  static final String USAGE = "usage: chanx-bench [--clients 200] [--rooms 10] [--rate 5] [--warmup 5] "
      + "[--seconds 15] [--redis redis://127.0.0.1:6379]";

  /** Reads {@code --name value} pairs; anything missing keeps its default. */
  static BenchOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(USAGE);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    String redis = System.getenv().getOrDefault("CHANX_REDIS_URL", "redis://127.0.0.1:6379");
    BenchOptions options = new BenchOptions(
        Integer.parseInt(given.getOrDefault("clients", "200")),
        Integer.parseInt(given.getOrDefault("rooms", "10")),
        Double.parseDouble(given.getOrDefault("rate", "5")),
        Integer.parseInt(given.getOrDefault("warmup", "5")),
        Integer.parseInt(given.getOrDefault("seconds", "15")),
        given.getOrDefault("redis", redis));
    if (options.clients < 2 * options.rooms || options.rate <= 0 || options.seconds < 1 || options.seconds > 60
        || options.warmupSeconds < 0 || options.warmupSeconds > 30) {
      throw new IllegalArgumentException("need clients >= 2 x rooms, rate > 0, 1-60 s measured, 0-30 s warm-up. "
          + USAGE);
    }
    return options;
  }

  /** The same load for a short round whose figures are thrown away. */
  BenchOptions warmupRound() {
    return new BenchOptions(clients, rooms, rate, warmupSeconds, 1, redis);
  }

  /** The room of client {@code i}: rooms are filled round-robin. */
  String room(int i) {
    return "room-" + (i % rooms);
  }

  /** How many other clients receive each message. */
  int recipients() {
    return clients / rooms - 1;
  }
}
