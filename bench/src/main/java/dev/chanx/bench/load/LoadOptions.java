package dev.chanx.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The load tool's options: {@code --name value} pairs, each with a default. */
record LoadOptions(List<ServerKind> servers, int clients, int rooms, double rate, int warmupSeconds, int seconds,
    List<Integer> steps, int roomSize, int stepWarmupSeconds, int stepSeconds, List<Boolean> stepDeflate,
    double limitMs, int firstWarmupSeconds, double maxOtherCores, int retries, Path root, String buildDir,
    Path out) {

  static final String USAGE = String.join("\n",
      "usage: java -cp chanx-bench.jar dev.chanx.bench.load.LoadBench [--name value]...",
      "  --servers chanx,jetty,node,quarkus   which servers to drive, in this order",
      "  --clients 200 --rooms 10 --rate 5    the reference load (rate: messages per client per second)",
      "  --warmup 2 --seconds 8               warm-up and measured window of each reference run",
      "  --steps 400,800,1200,1600,2400,3200  client counts to step through ('none' for no stepping); the",
      "                                       reference load is the first step when it has the steps' room size",
      "  --room-size 20                       clients per room while stepping",
      "  --step-warmup 2 --step-seconds 4     warm-up and window of each step",
      "  --step-compression none              none, deflate or none,deflate: which client offers to step with",
      "  --limit-ms 500                       stop stepping a server once its p95 passes this",
      "  --first-warmup 10                    an unreported round on each fresh server process",
      "  --max-other-cores 0.5 --retries 1    repeat a run while other processes used more cores than this",
      "  --root .  --build-dir target-bench   the repository and the Maven build folder the jars are in",
      "  --out bench/results                  where load.md, load-*.csv and latency.png go");

  static LoadOptions parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(USAGE);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    List<ServerKind> servers = new ArrayList<>();
    for (String id : given.getOrDefault("servers", "chanx,jetty,node,quarkus").split(",")) {
      servers.add(ServerKind.of(id.trim()));
    }
    List<Integer> steps = new ArrayList<>();
    String stepText = given.getOrDefault("steps", "400,800,1200,1600,2400,3200");
    if (!stepText.equals("none")) {
      for (String n : stepText.split(",")) {
        steps.add(Integer.parseInt(n.trim()));
      }
    }
    List<Boolean> stepDeflate = new ArrayList<>();
    for (String mode : given.getOrDefault("step-compression", "none").split(",")) {
      switch (mode.trim()) {
        case "none" -> stepDeflate.add(false);
        case "deflate" -> stepDeflate.add(true);
        default -> throw new IllegalArgumentException("--step-compression takes none, deflate or none,deflate");
      }
    }
    LoadOptions options = new LoadOptions(servers,
        Integer.parseInt(given.getOrDefault("clients", "200")),
        Integer.parseInt(given.getOrDefault("rooms", "10")),
        Double.parseDouble(given.getOrDefault("rate", "5")),
        Integer.parseInt(given.getOrDefault("warmup", "2")),
        Integer.parseInt(given.getOrDefault("seconds", "8")),
        steps,
        Integer.parseInt(given.getOrDefault("room-size", "20")),
        Integer.parseInt(given.getOrDefault("step-warmup", "2")),
        Integer.parseInt(given.getOrDefault("step-seconds", "4")),
        stepDeflate,
        Double.parseDouble(given.getOrDefault("limit-ms", "500")),
        Integer.parseInt(given.getOrDefault("first-warmup", "10")),
        Double.parseDouble(given.getOrDefault("max-other-cores", "0.5")),
        Integer.parseInt(given.getOrDefault("retries", "1")),
        Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize(),
        given.getOrDefault("build-dir", "target-bench"),
        Path.of(given.getOrDefault("out", "bench/results")));
    if (options.clients < 2 * options.rooms || options.rate <= 0 || options.seconds < 1 || options.seconds > 20
        || options.stepSeconds < 1 || options.stepSeconds > 20 || options.roomSize < 2) {
      throw new IllegalArgumentException("need clients >= 2 x rooms, rate > 0, windows of 1-20 s, room size >= 2\n"
          + USAGE);
    }
    return options;
  }
}
