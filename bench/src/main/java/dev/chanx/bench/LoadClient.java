package dev.chanx.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** One chat client: sends messages stamped with {@link System#nanoTime()} and reports each it receives. */
final class LoadClient implements WebSocket.Listener {

  private static final String PADDING = "x".repeat(64);
  private static final String MARK = "\"message\":\"";

  private final String name;
  private final Recorder recorder;
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;
  private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

  private LoadClient(String name, Recorder recorder) {
    this.name = name;
    this.recorder = recorder;
  }

  static LoadClient connect(HttpClient http, int port, String room, String name, Recorder recorder)
      throws Exception {
    LoadClient client = new LoadClient(name, recorder);
    client.socket = http.newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat/" + room + "/"), client)
        .get(10, TimeUnit.SECONDS);
    return client;
  }

  /** Sends one chat message (about 100 bytes of JSON) unless the previous one is still being written. */
  synchronized void sendOne() {
    long now = System.nanoTime();
    if (!lastSend.isDone()) {
      recorder.skipped(now);
      return;
    }
    recorder.sent(now);
    lastSend = socket.sendText("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + now + " " + PADDING
        + "\",\"name\":\"" + name + "\"}}", true);
  }

  void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      long now = System.nanoTime();
      int start = partial.indexOf(MARK);
      if (start >= 0) {
        start += MARK.length();
        int end = partial.indexOf(" ", start);
        recorder.received(Long.parseLong(partial, start, end, 10), now);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }
}
