package dev.chanx.example;

import dev.chanx.example.assistants.AssistantsRoute;
import dev.chanx.example.chat.ChatRoute;
import dev.chanx.example.system.SystemPublisher;
import dev.chanx.example.system.SystemRoute;
import dev.chanx.redis.RedisChannelLayer;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.ServerConfig;
import dev.chanx.server.docs.AsyncApiDocument;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Starts the tutorial's server: the chat at {@code /ws/chat/<room>/}, the assistant at
 * {@code /ws/assistants/} and background jobs at {@code /ws/system/};
 * {@code java -jar chat-server.jar [--port N] [--redis URI]}.
 */
public final class ChatServer {

  /** How long a background job takes before its result is pushed. */
  static final Duration JOB_TIME = Duration.ofMillis(300);

  // Where background jobs run, shared by the servers of this JVM; its thread never keeps it alive.
  private static final ScheduledExecutorService BACKGROUND = Executors.newSingleThreadScheduledExecutor(job -> {
    Thread thread = new Thread(job, "background-jobs");
    thread.setDaemon(true);
    return thread;
  });

  private ChatServer() {}

  // tag::server[]
  /** The tutorial's server on {@code port}, configured but not started: tests start it on port 0. */
  public static ChanxServer create(int port) {
    return create(config -> config.port(port));
  }

  /** The tutorial's server with {@code more} settings on top, configured but not started. */
  public static ChanxServer create(Consumer<ServerConfig> more) {
    // The jobs push through the server being created, so they look it up when they first push.
    AtomicReference<ChanxServer> server = new AtomicReference<>();
    server.set(ChanxServer.create(config -> {
      // No handler here waits (the jobs run on a scheduler): frames are handled on the I/O thread.
      config.nonBlockingHandlers(true);
      config.channel(ChatRoute.create(), new ChatRoom());
      config.channel(AssistantsRoute.create(), new CannedAssistant());
      config.channel(SystemRoute.create(), new BackgroundJobs(() -> SystemPublisher.of(server.get()), BACKGROUND,
          JOB_TIME));
      config.staticResources("/chat/", "public/chat");
      config.asyncApi(AsyncApiDocument.merge("Chanx tutorial",
          AsyncApiDocument.fromClasspath("chat.asyncapi.yaml"),
          AsyncApiDocument.fromClasspath("assistants.asyncapi.yaml"),
          AsyncApiDocument.fromClasspath("system.asyncapi.yaml")));
      more.accept(config);
    }));
    return server.get();
  }
  // end::server[]

  public static void main(String[] args) throws Exception {
    ChatServerOptions options;
    try {
      options = ChatServerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("chat-server: " + e.getMessage() + ". Try --help.");
      System.exit(2);
      return;
    }
    if (options.help) {
      System.out.println(ChatServerOptions.USAGE);
      return;
    }
    // tag::start[]
    ChanxServer server = create(config -> {
      config.port(options.port);
      if (options.redis != null) {
        config.layer(RedisChannelLayer.create(options.redis));
      }
    }).start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "chat-server-stop"));
    // end::start[]
    System.out.println("Chat: http://localhost:" + server.port() + "/chat/  "
        + "Assistant: ws://localhost:" + server.port() + "/ws/assistants/  "
        + "Jobs: ws://localhost:" + server.port() + "/ws/system/  "
        + "API docs: http://localhost:" + server.port() + "/asyncapi/docs/");
    // Jetty's threads keep the JVM alive until the shutdown hook stops the server.
  }
}
