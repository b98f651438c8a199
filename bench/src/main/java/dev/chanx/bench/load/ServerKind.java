package dev.chanx.bench.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The chat servers the load tool drives, and how each is started. */
enum ServerKind {
  CHANX("chanx", "generated Chanx chat"),
  SPRING("spring", "Chanx on Spring Boot (Tomcat)"),
  // The same app without the example's promise that no handler blocks: each read of a socket is
  // handed to Tomcat's executor, as for an application that makes no such promise.
  SPRING_POOL("spring-pool", "Chanx on Spring Boot (Tomcat, executor)"),
  // The example with its promise, the poller's overflow handed to Tomcat's executor as it was
  // before the starter's drain thread (TomcatProtocol), for comparing the two in one run.
  SPRING_EXEC("spring-exec", "Chanx on Spring Boot (Tomcat, overflow to executor)"),
  // The same app with chanx.compression on, which hands sockets to Tomcat's Jakarta WebSocket (the
  // starter's transport before its own); the load client offers no compression, so none is negotiated.
  SPRING_JAKARTA("spring-jakarta", "Chanx on Spring Boot (Tomcat, Jakarta WebSocket)"),
  JETTY("jetty", "bare Jetty 12"),
  NODE("node", "Node ws"),
  QUARKUS("quarkus", "Quarkus WS Next"),
  // The observability overhead run: the same example chat from the bench jar, telemetry off or on.
  CHANX_PLAIN("chanx-plain", "Chanx, telemetry off"),
  CHANX_OBSERVED("chanx-observed", "Chanx, metrics + traces 1 %"),
  // The recovery overhead run: the tutorial's chat with recoverable group sends (issue 17), against CHANX.
  CHANX_RECOVER("chanx-recover", "Chanx, recoverable chat"),
  // Its plain twin: the same main from the same jar, recovery off.
  CHANX_CHAT("chanx-chat", "Chanx, plain chat (bench main)");

  final String id;
  final String label;

  ServerKind(String id, String label) {
    this.id = id;
    this.label = label;
  }

  static ServerKind of(String id) {
    for (ServerKind kind : values()) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown server '" + id + "': one of " + ids());
  }

  /** {@return every server's id, comma-separated} */
  static String ids() {
    StringBuilder ids = new StringBuilder();
    for (ServerKind kind : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(kind.id);
    }
    return ids.toString();
  }

  /** The jar or script it runs, relative to the repository root. */
  Path artifact(Path root, String buildDir) {
    return switch (this) {
      case CHANX -> root.resolve("generated-example").resolve(buildDir).resolve("chat-server.jar");
      case SPRING, SPRING_POOL, SPRING_EXEC, SPRING_JAKARTA -> root.resolve("examples/spring-boot-chat").resolve(buildDir).resolve("spring-chat.jar");
      case JETTY, CHANX_PLAIN, CHANX_OBSERVED, CHANX_RECOVER, CHANX_CHAT -> root.resolve("bench").resolve(buildDir).resolve("chanx-bench.jar");
      case NODE -> root.resolve("bench/node/server.js");
      case QUARKUS -> root.resolve("bench/quarkus/target/quarkus-app/quarkus-run.jar");
    };
  }

  List<String> command(Path root, String buildDir, int port, List<String> jvmOptions) {
    String artifact = artifact(root, buildDir).toString();
    List<String> command = new ArrayList<>();
    if (this == NODE) {
      command.add("node");
      command.add(artifact);
      command.add(Integer.toString(port));
      return command;
    }
    command.add("java");
    command.addAll(jvmOptions);
    switch (this) {
      case CHANX -> command.addAll(List.of("-cp", artifact, "dev.chanx.example.ChatServer", "--port", Integer.toString(port)));
      // The same handlers and generated code as CHANX, on Tomcat through the starter; INFO logs per request off.
      case SPRING -> command.addAll(List.of("-jar", artifact, "--server.port=" + port,
          "--spring.main.banner-mode=off"));
      case SPRING_POOL -> command.addAll(List.of("-jar", artifact, "--server.port=" + port,
          "--spring.main.banner-mode=off", "--chanx.non-blocking-handlers=false"));
      case SPRING_EXEC -> command.addAll(List.of("-Dchanx.tomcat.drain=false", "-jar", artifact,
          "--server.port=" + port, "--spring.main.banner-mode=off"));
      case SPRING_JAKARTA -> command.addAll(List.of("-jar", artifact, "--server.port=" + port,
          "--spring.main.banner-mode=off", "--chanx.compression=true"));
      case JETTY -> command.addAll(List.of("-cp", artifact, "dev.chanx.bench.floor.BareJettyChat", "--port",
          Integer.toString(port)));
      case QUARKUS -> command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", artifact));
      case CHANX_PLAIN, CHANX_OBSERVED -> command.addAll(List.of("-cp", artifact,
          "dev.chanx.bench.observe.ObservedChatServer", "--port", Integer.toString(port), "--telemetry",
          this == CHANX_OBSERVED ? "on" : "off"));
      case CHANX_RECOVER, CHANX_CHAT -> command.addAll(List.of("-cp", artifact,
          "dev.chanx.bench.recovery.RecoverableChatServer", "--port", Integer.toString(port), "--recovery",
          this == CHANX_RECOVER ? "on" : "off"));
      default -> throw new IllegalStateException(name());
    }
    return command;
  }
}
