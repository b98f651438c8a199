package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.ChanxGenerator;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Role;
import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated JavaScript client in Node against our generated servers on loopback ({@code
 * js/wire.test.mjs}): untagged frames ({@code codegen/untagged.yaml}) reach their handlers by
 * enum value and by wrapper key, and Slack Socket Mode's request from the server is answered with
 * the handler's return value.
 */
@ExtendWith(SharedSpecs.Needed.class)
class JsWireTest {

  private static final String SERVERS = """
      package com.example;

      import dev.chanx.server.ChanxServer;
      import dev.chanx.server.channel.Connection;

      public final class WireServers implements java.util.function.IntSupplier, AutoCloseable {
        private final ChanxServer server;

        public WireServers() {
          com.example.speak.SpeakHandler speak = (message, connection) -> {
            if (message instanceof com.example.speak.Text text) {
              connection.send(new com.example.speak.Flushed(com.example.speak.FlushedType.CLEARED, 5));
              connection.send(new com.example.speak.Warning(text.text()));
            }
          };
          com.example.feed.FeedHandler feed = (message, connection) -> {
            if (message instanceof com.example.feed.Subscribe s) {
              connection.send(new com.example.feed.Subscribed(s.subscribe().channel()));
            } else if (message instanceof com.example.feed.Unsubscribe u) {
              connection.send(new com.example.feed.Unsubscribed(u.unsubscribe().channel()));
            }
          };
          com.slack.root.RootHandler slack = new com.slack.root.RootHandler() {
            @Override
            public void onConnect(Connection<com.slack.root.RootServerMessage, com.slack.root.RootPath> connection) {
              com.slack.root.RootRequests.requestEvent(connection, new com.slack.root.Event("js-1", null, false, 0L, ""))
                  .thenAccept(ack -> connection.send(new com.slack.root.Hello(null,
                      "js-1".equals(ack.envelopeId()) ? 7L : 0L, null)));
            }
          };
          server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
              .channel(com.example.speak.SpeakRoute.create(), speak)
              .channel(com.example.feed.FeedRoute.create(), feed)
              .channel(com.slack.root.RootRoute.create(), slack)).start();
        }

        @Override
        public int getAsInt() {
          return server.port();
        }

        @Override
        public void close() {
          server.stop();
        }
      }
      """;

  @Test
  @Timeout(90)
  void theJsClientDispatchesUntaggedFramesAndAnswersTheServersRequests(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(NodeProcess.available(), "node is not installed");
    Path slackDocument = SharedSpecs.path("peers/slack-socket-mode-client.yml");
    Path untaggedDocument = Path.of("src/test/resources/codegen/untagged.yaml").toAbsolutePath();
    var untagged = ChanxGenerator.check(untaggedDocument, CheckOptions.defaults());
    var slack = ChanxGenerator.check(slackDocument, CheckOptions.defaults().role(Role.CLIENT));
    List<GeneratedFile> java = new ArrayList<>(ChanxGenerator.generate(untagged, "com.example", EnumSet.of(Target.SERVER)));
    java.addAll(ChanxGenerator.generate(slack, "com.slack", EnumSet.of(Target.SERVER)));
    java.add(new GeneratedFile("com/example/WireServers.java", SERVERS));
    ClassLoader loader = InMemoryJavac.compile(java, dir.resolve("java"));
    Path untaggedModule = module(ChanxGenerator.generate(untagged, "com.example", EnumSet.of(Target.JS_CLIENT)), dir);
    Path slackModule = module(ChanxGenerator.generate(slack, "com.slack", EnumSet.of(Target.JS_CLIENT)), dir);
    Path test = dir.resolve("wire.test.mjs");
    try (var script = JsWireTest.class.getResourceAsStream("/js/wire.test.mjs")) {
      Files.write(test, script.readAllBytes());
    }
    Object servers = Class.forName("com.example.WireServers", true, loader).getConstructor().newInstance();
    try {
      int port = ((IntSupplier) servers).getAsInt();
      String output = NodeProcess.run(Map.of("CHANX_UNTAGGED", untaggedModule.toUri().toString(),
          "CHANX_SLACK", slackModule.toUri().toString(), "CHANX_URL", "ws://127.0.0.1:" + port),
          "--experimental-websocket", "--test", test.toString());
      assertTrue(output.contains("# pass 3") && output.contains("# fail 0"), output);
    } finally {
      ((AutoCloseable) servers).close();
    }
  }

  private static Path module(List<GeneratedFile> files, Path dir) throws Exception {
    GeneratedFile js = files.stream().filter(f -> f.relativePath().endsWith(".js")).findFirst().orElseThrow();
    Path file = dir.resolve(js.relativePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, js.content(), StandardCharsets.UTF_8);
    return file;
  }
}
