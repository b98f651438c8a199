package dev.chanx.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.chanx.server.channel.ChannelHandler;
import dev.chanx.server.channel.Dispatcher;
import dev.chanx.core.message.Message;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * The runtime's own frame pipeline without a socket, for the dispatch benchmark: what a server
 * does with one client text frame (parse within the limits, check surrogates, decode and
 * validate, dispatch, answer), its answers counted instead of sent. A documented probe: it lives
 * in the server's test-jar, beside the internal pipeline it drives (as the server's fuzz test
 * does), and the benchmark uses only its public methods.
 */
public final class PipelineProbe<H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> {

  private final FramePipeline<H, C, S, P> pipeline;
  private final ChanxConnection<S, P> connection;
  private long answers;

  private PipelineProbe(Dispatcher<H, C, S, P> dispatcher, H handler, P path) {
    pipeline = new FramePipeline<>(dispatcher, handler, new Guard(Limits.DEFAULTS));
    connection = new ChanxConnection<>("bench.1", new Node().groups("bench/"), path,
        new UpgradeInfo("/ws/bench/", Map.of(), HttpFields.EMPTY));
    connection.admit(ChannelSettings.DEFAULTS, null);
    connection.attach(frame -> answers++);
  }

  /** A pipeline for one channel, with the server's default limits and settings. */
  public static <H extends ChannelHandler<S, P>, C extends Message, S extends Message, P> PipelineProbe<H, C, S, P> of(
      Dispatcher<H, C, S, P> dispatcher, H handler, P path) {
    return new PipelineProbe<>(dispatcher, handler, path);
  }

  /** Handles one client text frame as the server would. */
  public void onText(String text) {
    pipeline.onText(connection, text);
  }

  /** How many frames went back to the client (errors or replies). */
  public long answers() {
    return answers;
  }

  /** The reader the server parses frames with: default limits, duplicate keys and trailing tokens refused. */
  public static ObjectReader treeReader() {
    return Json.treeReader(Limits.DEFAULTS);
  }

  /** The parsers of the pipeline's quick path, at the default limits. */
  public static JsonFactory streamFactory() {
    return Json.streamFactory(Limits.DEFAULTS);
  }
}
