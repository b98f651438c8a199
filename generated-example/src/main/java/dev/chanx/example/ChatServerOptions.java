package dev.chanx.example;

/** The chat server's few command-line options, parsed by hand to keep the example small. */
final class ChatServerOptions {

  static final int DEFAULT_PORT = 8000;
  static final String USAGE = String.join("\n",
      "Usage: java -jar chat-server.jar [--port N] [--redis URI] [--metrics]",
      "  --port N      the port to listen on (default " + DEFAULT_PORT + "; 0 picks a free one)",
      "  --redis URI   share rooms with other servers through Redis, such as redis://127.0.0.1:6379",
      "                (default: rooms live in this server only)",
      "  --metrics     serve Prometheus text at /metrics (health checks are always at /health/live",
      "                and /health/ready)",
      "  --help        show this help");

  final int port;
  final String redis;
  final boolean metrics;
  final boolean help;

  private ChatServerOptions(int port, String redis, boolean metrics, boolean help) {
    this.port = port;
    this.redis = redis;
    this.metrics = metrics;
    this.help = help;
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException saying what is wrong with them
   */
  static ChatServerOptions parse(String... args) {
    int port = DEFAULT_PORT;
    String redis = null;
    boolean metrics = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          return new ChatServerOptions(port, redis, metrics, true);
        }
        case "--redis" -> {
          if (i + 1 == args.length || !args[i + 1].startsWith("redis")) {
            throw new IllegalArgumentException("--redis needs a URI such as redis://127.0.0.1:6379");
          }
          redis = args[++i];
        }
        case "--metrics" -> metrics = true;
        case "--port" -> {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--port needs a number");
          }
          port = portNumber(args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
    }
    return new ChatServerOptions(port, redis, metrics, false);
  }

  private static int portNumber(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // Reported below with the value.
    }
    throw new IllegalArgumentException("--port needs a number from 0 to 65535, not '" + text + "'");
  }
}
