package dev.chanx.example;

/** The chat server's few command-line options, parsed by hand to keep the example small. */
final class ChatServerOptions {

  static final int DEFAULT_PORT = 8000;
  static final String USAGE = String.join("\n",
      "Usage: java -jar chat-server.jar [--port N]",
      "  --port N   the port to listen on (default " + DEFAULT_PORT + "; 0 picks a free one)",
      "  --help     show this help");

  final int port;
  final boolean help;

  private ChatServerOptions(int port, boolean help) {
    this.port = port;
    this.help = help;
  }

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException saying what is wrong with them
   */
  static ChatServerOptions parse(String... args) {
    int port = DEFAULT_PORT;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "-h", "--help" -> {
          return new ChatServerOptions(port, true);
        }
        case "--port" -> {
          if (i + 1 == args.length) {
            throw new IllegalArgumentException("--port needs a number");
          }
          port = portNumber(args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
      }
    }
    return new ChatServerOptions(port, false);
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
