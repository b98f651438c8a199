package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.core.message.BinaryMessage;
import dev.chanx.core.message.Message;
import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.Target;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.ChanxServer;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.ChannelRoute;
import dev.chanx.server.channel.Connection;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code codegen/binary-audio.yaml}, a Deepgram-like document, generated for the server and the Java
 * client, compiled, and served on loopback: audio goes up in binary frames, transcripts come back
 * as JSON and synthesized audio as binary frames, to the generated Java client and to the generated
 * JavaScript client in Node; a binary frame over the limit closes the socket with 1009; a channel
 * whose frames are a bare string and arrays is typed and validated, a wrong value answered with the
 * usual error frame.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BinaryFramesEndToEndTest {

  private static final Path DOCUMENT = Path.of("src/test/resources/codegen/binary-audio.yaml");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path workDir;

  static List<GeneratedFile> files;
  static ClassLoader loader;
  static ChanxServer server;

  @BeforeAll
  static void serve() throws Exception {
    files = JavaGenerator.generate(SpecReader.read(DOCUMENT.toAbsolutePath(), null),
        "com.example", EnumSet.of(Target.SERVER, Target.JAVA_CLIENT));
    loader = InMemoryJavac.compile(files, workDir.resolve("classes"));
    server = serve(config -> { });
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ChanxServer serve(java.util.function.Consumer<dev.chanx.server.ServerConfig> more) throws Exception {
    ChannelRoute listen = (ChannelRoute) type("listen.ListenRoute").getMethod("create").invoke(null);
    ChannelRoute ticker = (ChannelRoute) type("ticker.TickerRoute").getMethod("create").invoke(null);
    ChannelHandler listenHandler = (ChannelHandler) handler("listen.ListenHandler", BinaryFramesEndToEndTest::listen);
    ChannelHandler tickerHandler = (ChannelHandler) handler("ticker.TickerHandler", BinaryFramesEndToEndTest::ticker);
    return ChanxServer.create(config -> {
      config.host("127.0.0.1").port(0).channel(listen, listenHandler).channel(ticker, tickerHandler);
      more.accept(config);
    }).start();
  }

  // The listen channel's handler: each chunk of audio is answered with a transcript of its size
  // and the chunk reversed, as synthesized audio; finalize returns the total heard.
  private static Object listen(Method method, Object[] args) throws Exception {
    @SuppressWarnings("unchecked")
    Connection<Message, ?> connection = (Connection<Message, ?>) args[1];
    AtomicLong total = attribute(connection);
    switch (method.getName()) {
      case "streamAudio" -> {
        byte[] chunk = ((BinaryMessage) args[0]).bytes();
        total.addAndGet(chunk.length);
        connection.send((Message) results("heard " + chunk.length + " bytes", chunk.length));
        byte[] reversed = new byte[chunk.length];
        for (int i = 0; i < chunk.length; i++) {
          reversed[i] = chunk[chunk.length - 1 - i];
        }
        connection.send((Message) type("listen.Speech").getMethod("of", byte[].class).invoke(null, (Object) reversed));
        return null;
      }
      case "finalize2" -> {
        return results("final", total.get());
      }
      case "control" -> {
        Object value = args[0].getClass().getMethod("value").invoke(args[0]);
        if (value.toString().equals("CLOSE_STREAM")) {
          connection.close(1000, "closed on request");
        }
        return null;
      }
      default -> throw new AssertionError(method);
    }
  }

  private static AtomicLong attribute(Connection<?, ?> connection) {
    AtomicLong total = connection.attribute("total");
    if (total == null) {
      total = new AtomicLong();
      connection.attribute("total", total);
    }
    return total;
  }

  private static Object results(String transcript, long bytes) throws Exception {
    return type("listen.Results").getConstructor(String.class, long.class).newInstance(transcript, bytes);
  }

  // The ticker channel's handler: a heartbeat is answered "beat", a subscription with two trades.
  private static Object ticker(Method method, Object[] args) throws Exception {
    return switch (method.getName()) {
      case "heartbeat" -> type("ticker.Beat").getConstructor(String.class).newInstance("beat");
      case "subscribe" -> {
        Object pair = args[0].getClass().getMethod("pair").invoke(args[0]);
        yield type("ticker.Trades").getConstructor(List.class).newInstance(List.of(
            List.of(pair, "5000000", "buy"), List.of(pair, "5000100", "sell")));
      }
      default -> throw new AssertionError(method);
    };
  }

  interface Body {
    Object call(Method method, Object[] args) throws Exception;
  }

  private static Object handler(String name, Body body) throws Exception {
    Class<?> type = type(name);
    InvocationHandler invocation = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      if (method.getDeclaringClass() == Object.class) {
        return method.getName().equals("toString") ? name : method.invoke(name, args);
      }
      return body.call(method, args);
    };
    return Proxy.newProxyInstance(loader, new Class<?>[] {type}, invocation);
  }

  static Class<?> type(String name) throws ClassNotFoundException {
    return Class.forName("com.example." + name, true, loader);
  }

  private static URI server(ChanxServer on) {
    return URI.create("ws://127.0.0.1:" + on.port());
  }

  /** A generated client's connection, with its listener putting every message it gets in a queue. */
  private static Object connect(String channel, BlockingQueue<Object> received) throws Exception {
    Class<?> client = type(channel + "." + Names.upperCamel(channel, "X") + "Client");
    Method connect = Arrays.stream(client.getMethods())
        .filter(m -> m.getName().equals("connect") && m.getParameterCount() == 3).findFirst().orElseThrow();
    Object path = connect.getParameterTypes()[1].getDeclaredConstructor().newInstance();
    Object listener = Proxy.newProxyInstance(loader, new Class<?>[] {connect.getParameterTypes()[2]},
        (proxy, method, args) -> {
          if (method.getName().startsWith("on") && args != null && args.length == 1) {
            received.add(args[0]);
          }
          return method.getName().equals("toString") ? "listener" : null;
        });
    return ((CompletableFuture<?>) connect.invoke(null, server(server), path, listener)).get(10, TimeUnit.SECONDS);
  }

  private static Object send(Object client, Object message) throws Exception {
    Method send = Arrays.stream(client.getClass().getMethods()).filter(m -> m.getName().equals("send")).findFirst()
        .orElseThrow();
    return ((CompletableFuture<?>) send.invoke(client, message)).get(10, TimeUnit.SECONDS);
  }

  @Test
  void audioGoesUpInBinaryFramesAndComesBackAsJsonAndBinaryToTheJavaClient() throws Exception {
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    Object client = connect("listen", received);
    byte[] chunk = new byte[3000];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = (byte) (i * 7);
    }
    send(client, type("listen.Audio").getMethod("of", byte[].class).invoke(null, (Object) chunk));

    Object results = received.poll(10, TimeUnit.SECONDS);
    assertEquals(type("listen.Results"), results.getClass(), String.valueOf(results));
    assertEquals(3000L, results.getClass().getMethod("bytes").invoke(results));
    Object speech = received.poll(10, TimeUnit.SECONDS);
    assertEquals(type("listen.Speech"), speech.getClass(), String.valueOf(speech));
    byte[] back = ((BinaryMessage) speech).bytes();
    assertEquals(chunk.length, back.length);
    for (int i = 0; i < chunk.length; i++) {
      assertEquals(chunk[chunk.length - 1 - i], back[i], "byte " + i);
    }

    // A JSON request on the same channel, answered with the total.
    Method request = client.getClass().getMethod("request", type("listen.Finalize"));
    Object finalize = type("listen.Finalize").getConstructor().newInstance();
    Object total = ((CompletableFuture<?>) request.invoke(client, finalize)).get(10, TimeUnit.SECONDS);
    assertEquals(3000L, total.getClass().getMethod("bytes").invoke(total));
    ((AutoCloseable) client).close();
  }

  @Test
  void aBinaryFrameOverTheLimitClosesTheSocketWith1009AndOneWithinItIsHandled() throws Exception {
    ChanxServer small = serve(config -> config.maxBinaryFrameSize(1024));
    try {
      RawSocket within = RawSocket.open(server(small).resolve("/ws/listen/"));
      within.socket.sendBinary(ByteBuffer.wrap(new byte[1024]), true).get(10, TimeUnit.SECONDS);
      assertEquals("{\"type\":\"Results\",\"transcript\":\"heard 1024 bytes\",\"bytes\":1024}", within.next());
      assertEquals("binary 1024", within.next());

      RawSocket over = RawSocket.open(server(small).resolve("/ws/listen/"));
      over.socket.sendBinary(ByteBuffer.wrap(new byte[1025]), true).get(10, TimeUnit.SECONDS);
      assertEquals("close 1009", over.next());
      // The other connection is untouched.
      within.socket.sendBinary(ByteBuffer.wrap(new byte[10]), true).get(10, TimeUnit.SECONDS);
      assertEquals("{\"type\":\"Results\",\"transcript\":\"heard 10 bytes\",\"bytes\":10}", within.next());
      within.socket.abort();
    } finally {
      small.stop();
    }
  }

  @Test
  void binaryDataIsSentToOneConnectionNotPublished() {
    String publisher = files.stream().filter(f -> f.relativePath().endsWith("listen/ListenPublisher.java"))
        .findFirst().orElseThrow().content();
    assertTrue(publisher.contains("pushTranscript(") && !publisher.contains("Speech"), publisher);
    String speech = files.stream().filter(f -> f.relativePath().endsWith("listen/Speech.java")).findFirst()
        .orElseThrow().content();
    assertTrue(speech.contains(" * <p>The server sends it to one connection with {@code Connection.send}, in a binary"
        + " frame;\n * publishers and groups carry no binary data.\n"), speech);
  }

  @Test
  void aBareStringBesideBinaryAudioIsReadAsItsOwnMessage() throws Exception {
    RawSocket socket = RawSocket.open(server(server).resolve("/ws/listen/"));
    socket.text("\"KeepAlive\"");
    socket.text("\"Flush\"");
    assertEquals("{\"action\":\"error\",\"payload\":[{\"type\":\"enum\",\"loc\":[],\"msg\":\"Input should be"
        + " 'KeepAlive' or 'CloseStream'\"}]}", socket.next());
    socket.text("\"CloseStream\"");
    assertEquals("close 1000", socket.next());
  }

  @Test
  void aChannelWithoutBinaryMessagesStillRefusesBinaryFrames() throws Exception {
    RawSocket socket = RawSocket.open(server(server).resolve("/ws/ticker/"));
    socket.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(10, TimeUnit.SECONDS);
    assertTrue(socket.next().contains("binary frames are not accepted"));
    socket.socket.abort();
  }

  @Test
  void bareStringsAndArraysAreTypedValidatedAndAnswered() throws Exception {
    RawSocket socket = RawSocket.open(server(server).resolve("/ws/ticker/"));
    socket.text("\"ping\"");
    assertEquals("\"beat\"", socket.next());
    socket.text("{\"type\":\"subscribe\",\"pair\":\"btc_jpy\"}");
    assertEquals("[[\"btc_jpy\",\"5000000\",\"buy\"],[\"btc_jpy\",\"5000100\",\"sell\"]]", socket.next());
    // Not one of the heartbeat's values, a number, and an object without the tag: each an error frame.
    socket.text("\"pong\"");
    assertEquals("{\"action\":\"error\",\"payload\":[{\"type\":\"enum\",\"loc\":[],\"msg\":\"Input should be 'ping'"
        + " or 'hb'\"}]}", socket.next());
    socket.text("42");
    assertEquals("{\"action\":\"error\",\"payload\":[{\"type\":\"enum\",\"loc\":[],\"msg\":\"Input should be 'ping'"
        + " or 'hb'\"}]}", socket.next());
    socket.text("{\"type\":\"subscribe\",\"pair\":\"BTC\"}");
    String pattern = socket.next();
    assertTrue(pattern.contains("\"string_pattern_mismatch\""), pattern);
    socket.text("null");
    assertTrue(socket.next().contains("Invalid JSON: expected an object"));
    socket.socket.abort();
  }

  @Test
  void theJavaClientSendsAndReceivesBareValues() throws Exception {
    BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    Object client = connect("ticker", received);
    Class<?> value = type("ticker.HeartbeatValue");
    Object hb = type("ticker.Heartbeat").getConstructor(value).newInstance(value.getEnumConstants()[1]);
    send(client, hb);
    Object beat = received.poll(10, TimeUnit.SECONDS);
    assertEquals(type("ticker.Beat").getConstructor(String.class).newInstance("beat"), beat);
    Object subscribe = type("ticker.Subscribe").getConstructor(String.class).newInstance("eth_jpy");
    send(client, subscribe);
    Object trades = received.poll(10, TimeUnit.SECONDS);
    assertEquals(List.of(List.of("eth_jpy", "5000000", "buy"), List.of("eth_jpy", "5000100", "sell")),
        trades.getClass().getMethod("value").invoke(trades));
    ((AutoCloseable) client).close();
  }

  @Test
  void theJavaScriptClientExchangesBinaryFramesAndValuesInNode() throws Exception {
    Assumptions.assumeTrue(NodeProcess.available(), "node is not installed");
    List<GeneratedFile> js = JsClientGenerator.generate(SpecReader.read(DOCUMENT.toAbsolutePath(), null));
    Path module = workDir.resolve("js").resolve("speech.js");
    Files.createDirectories(module.getParent());
    Files.writeString(module, js.get(1).content(), StandardCharsets.UTF_8);
    String script = String.join("\n",
        "const m = await import(" + JsSource.string(module.toUri().toString()) + ");",
        "const url = " + JsSource.string(server(server).toString()) + ";",
        "const got = [];",
        "const done = new Promise((resolve) => {",
        "  const listen = m.connectListen({ url }, {",
        "    onResults: (r) => got.push(`results ${r.bytes}`),",
        "    onSpeech: (bytes) => { got.push(`speech ${bytes.constructor.name} ${Array.from(bytes).join(',')}`);",
        "      listen.close(); resolve(); },",
        "  });",
        "  listen.opened.then(() => listen.sendAudio(new Uint8Array([1, 2, 3, 250])));",
        "});",
        "await done;",
        "const values = new Promise((resolve) => {",
        "  const ticker = m.connectTicker({ url }, {",
        "    onBeat: (b) => { got.push(`beat ${JSON.stringify(b)}`); ticker.sendSubscribe({ pair: 'xrp_jpy' }); },",
        "    onTrades: (t) => { got.push(`trades ${JSON.stringify(t)}`); ticker.close(); resolve(); },",
        "  });",
        "  ticker.opened.then(() => ticker.sendHeartbeat('hb'));",
        "});",
        "await values;",
        "console.log(got.join('\\n'));");
    String out = NodeProcess.run(Map.of(), "--experimental-websocket", "--no-warnings", "--input-type=module", "-e",
        script);
    assertEquals(String.join("\n",
        "results 4",
        "speech Uint8Array 250,3,2,1",
        "beat \"beat\"",
        "trades [[\"xrp_jpy\",\"5000000\",\"buy\"],[\"xrp_jpy\",\"5000100\",\"sell\"]]"), out.strip());
  }

  /** A plain JDK WebSocket that queues what it gets: text, "binary N", or "close CODE". */
  static final class RawSocket implements WebSocket.Listener {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final StringBuilder text = new StringBuilder();
    final List<byte[]> parts = new ArrayList<>();
    WebSocket socket;

    static RawSocket open(URI uri) throws Exception {
      RawSocket raw = new RawSocket();
      raw.socket = HTTP.newWebSocketBuilder().buildAsync(uri, raw).get(10, TimeUnit.SECONDS);
      return raw;
    }

    void text(String frame) throws Exception {
      socket.sendText(frame, true).get(10, TimeUnit.SECONDS);
    }

    String next() throws InterruptedException {
      String frame = frames.poll(10, TimeUnit.SECONDS);
      assertTrue(frame != null, "nothing came within 10 s");
      return frame;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        frames.add(text.toString());
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] part = new byte[data.remaining()];
      data.get(part);
      parts.add(part);
      if (last) {
        frames.add("binary " + parts.stream().mapToInt(p -> p.length).sum());
        parts.clear();
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      frames.add("close " + statusCode);
      return null;
    }
  }
}
