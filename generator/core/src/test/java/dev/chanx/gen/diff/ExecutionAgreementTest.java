package dev.chanx.gen.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Target;
import dev.chanx.gen.codegen.JavaGenerator;
import dev.chanx.gen.codegen.InMemoryJavac;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Message;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.core.message.Decoded;
import dev.chanx.core.message.JsonWritable;
import dev.chanx.server.ChanxServer;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict checked by running the generated code of a sample of corpus pairs. Each side's
 * server and Java client are generated and compiled in memory; the frames each side sends are its
 * documents' examples plus frames written here that the document allows (each first read by that
 * side's own generated code and written back by its records, so that they are what that side
 * really sends). Clients break exactly when an old client's frame is refused by a server of the
 * new document over a real socket on loopback, or a new server's frame by the old client's
 * decoder; servers break exactly when the same fails the other way round.
 */
class ExecutionAgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path workDir;

  /** A pair and the frames beyond its examples: sent by clients and by the server, of each version. */
  record Sample(String pair, List<String> oldClient, List<String> newClient, List<String> oldServer,
      List<String> newServer) {
    @Override
    public String toString() {
      return pair;
    }
  }

  static List<Sample> samples() {
    String order = "{\"action\":\"place_order\",\"item\":\"tea\",\"quantity\":2";
    String status = "{\"action\":\"order_status\",\"order_id\":\"o-1\",\"state\":\"accepted\"";
    return List.of(
        new Sample("11-enum-value-server-fwd", List.of(), List.of(), List.of(),
            List.of("{\"action\":\"order_status\",\"order_id\":\"o-1\",\"state\":\"cancelled\"}")),
        new Sample("13-enum-value-client-fwd", List.of(), List.of(order + ",\"priority\":\"urgent\"}"), List.of(),
            List.of()),
        new Sample("14-enum-value-client-rev", List.of(order + ",\"priority\":\"urgent\"}"), List.of(), List.of(),
            List.of()),
        new Sample("03-required-property-client-fwd", List.of(), List.of(), List.of(), List.of()),
        new Sample("05-optional-property-client-fwd", List.of(), List.of(order + ",\"gift\":true}"), List.of(),
            List.of()),
        new Sample("09-required-property-server-fwd", List.of(), List.of(), List.of(),
            List.of(status + ",\"carrier\":\"post\"}")),
        new Sample("15-maxlength-client-fwd", List.of(order.replace("tea", "a".repeat(30)) + "}"), List.of(),
            List.of(), List.of()),
        new Sample("33-nullable-server-fwd", List.of(), List.of(), List.of(),
            List.of(status.replace("\"o-1\"", "null") + "}")),
        new Sample("40-server-message-rev", List.of(), List.of(), List.of(), List.of()),
        new Sample("41-address-fwd", List.of(), List.of(), List.of(), List.of()),
        new Sample("49-reordered-fwd", List.of(), List.of(), List.of(), List.of()),
        new Sample("61-doc-info-version", List.of(), List.of(), List.of(), List.of()));
  }

  /** One version of the document, generated, compiled and loaded. */
  private record Version(ApiModel model, Channel channel, ClassLoader loader) {

    static Version of(Path document, Path dir) throws Exception {
      ApiModel model = SpecReader.read(document, null);
      List<GeneratedFile> files = JavaGenerator.generate(model, "com.example",
          Set.of(Target.SERVER, Target.JAVA_CLIENT));
      return new Version(model, model.channels().get(0), InMemoryJavac.compile(files, dir));
    }

    Class<?> type(String simpleName) throws ClassNotFoundException {
      return Class.forName("com.example.orders." + simpleName, true, loader);
    }

    ChannelRoute<?, ?, ?, ?> route() throws Exception {
      return (ChannelRoute<?, ?, ?, ?>) type("OrdersRoute").getMethod("create").invoke(null);
    }

    /** A client frame as this version's server reads it, or null when it refuses it. */
    Decoded<?> readClientFrame(String frame) throws Exception {
      return route().dispatcher().decode(JSON.readTree(frame));
    }

    /** A server frame as this version's Java client reads it. */
    Decoded<?> readServerFrame(String frame) throws Exception {
      Method decode = type("OrdersServerMessageDecoder").getDeclaredMethod("decode", JsonNode.class);
      decode.setAccessible(true);
      return (Decoded<?>) decode.invoke(null, JSON.readTree(frame));
    }

    /** The frames this version's clients send: examples and extras, as its records write them. */
    List<String> clientFrames(List<String> extra) throws Exception {
      List<String> frames = new ArrayList<>();
      for (String frame : withExamples(channel.clientMessages(), extra)) {
        Decoded<?> own = readClientFrame(frame);
        assertTrue(own.isValid(), () -> "not a frame this version's clients send: " + frame + " " + own.errors());
        frames.add(write(own.value()));
      }
      return frames;
    }

    /** The frames this version's server sends: examples and extras, as its records write them. */
    List<String> serverFrames(List<String> extra) throws Exception {
      List<String> frames = new ArrayList<>();
      for (String frame : withExamples(channel.serverMessages(), extra)) {
        Decoded<?> own = readServerFrame(frame);
        assertTrue(own.isValid(), () -> "not a frame this version's server sends: " + frame + " " + own.errors());
        frames.add(write(own.value()));
      }
      return frames;
    }

    /** The URL a client of this version connects to on a server at {@code port}. */
    URI address(int port) {
      return URI.create("ws://127.0.0.1:" + port + "/" + channel.address().replaceAll("\\{[^}]*}", "s1"));
    }
  }

  private static List<String> withExamples(List<Message> messages, List<String> extra) throws Exception {
    List<String> frames = new ArrayList<>();
    for (Message m : messages) {
      for (JsonNode example : m.examples()) {
        frames.add(JSON.writeValueAsString(example));
      }
    }
    frames.addAll(extra);
    return frames;
  }

  private static String write(Object value) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
      ((JsonWritable) value).writeJson(generator);
    }
    return out.toString();
  }

  /**
   * Hosts {@code server}'s channel on loopback and sends each of {@code client}'s frames over a real
   * socket; {@return what went wrong, or an empty list when every frame was taken}
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<String> sendOverSocket(Version server, Version client, List<String> frames) throws Exception {
    Class<?> handlerType = server.type("OrdersHandler");
    Object handler = Proxy.newProxyInstance(server.loader(), new Class<?>[] {handlerType}, (proxy, method, args) ->
        method.getName().equals("toString") ? "handler" : method.getName().equals("hashCode") ? 0 : null);
    ChannelRoute route = (ChannelRoute) server.route();
    ChanxServer host = ChanxServer.create(config -> config.host("127.0.0.1").port(0).completionFrames(true)
        .channel(route, (dev.chanx.server.channel.ChannelHandler) handler)).start();
    List<String> failures = new ArrayList<>();
    try {
      LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
      WebSocket socket;
      try {
        socket = HTTP.newWebSocketBuilder().buildAsync(client.address(host.port()), new WebSocket.Listener() {
          private final StringBuilder text = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
              received.add(text.toString());
              text.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        return List.of("cannot connect to " + client.address(host.port()) + ": " + e.getCause().getMessage());
      }
      for (String frame : frames) {
        socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
        while (true) {
          String answer = received.poll(10, TimeUnit.SECONDS);
          assertTrue(answer != null, "no completion frame after " + frame);
          if (JSON.readTree(answer).path("action").asText().equals("error")) {
            failures.add(frame + " refused: " + answer);
          }
          if (JSON.readTree(answer).path("action").asText().equals("complete")) {
            break;
          }
        }
      }
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    } finally {
      host.stop();
    }
    return failures;
  }

  private static List<String> decodeEach(Version reader, List<String> frames) throws Exception {
    List<String> failures = new ArrayList<>();
    for (String frame : frames) {
      Decoded<?> decoded = reader.readServerFrame(frame);
      if (!decoded.isValid()) {
        failures.add(frame + " refused: " + decoded.errors());
      }
    }
    return failures;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @Timeout(120)
  void theVerdictIsWhatRunningTheGeneratedCodeShows(Sample sample) throws Exception {
    Path dir = DiffCorpusTest.CORPUS.resolve(sample.pair());
    Version before = Version.of(dir.resolve("old.yaml"), workDir.resolve("old"));
    Version after = Version.of(dir.resolve("new.yaml"), workDir.resolve("new"));
    Verdict verdict = CompatibilityDiff.compare(dir.resolve("old.yaml"), dir.resolve("new.yaml"),
        DiffOptions.defaults()).verdict();

    List<String> clients = new ArrayList<>(sendOverSocket(after, before, before.clientFrames(sample.oldClient())));
    clients.addAll(decodeEach(before, after.serverFrames(sample.newServer())));
    List<String> servers = new ArrayList<>(sendOverSocket(before, after, after.clientFrames(sample.newClient())));
    servers.addAll(decodeEach(after, before.serverFrames(sample.oldServer())));

    assertEquals(verdict.breaks(Audience.CLIENTS), !clients.isEmpty(),
        "verdict " + verdict + " but old clients against the new server: " + clients);
    assertEquals(verdict.breaks(Audience.SERVERS), !servers.isEmpty(),
        "verdict " + verdict + " but new clients against an old server: " + servers);
  }
}
