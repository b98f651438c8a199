package dev.chanx.server;

import dev.chanx.server.layer.HistoryRead;
import dev.chanx.server.layer.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers a connection of a recoverable channel once {@code onConnect} has joined its groups:
 * reads each group's history after the position the client presented, then opens the
 * connection's {@link RecoveryGate}. The groups are joined before their histories are read, so a
 * frame sent meanwhile is either in the history or held by the gate (or both, then sent once).
 */
final class Recovery {

  private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
  // A history that cannot be read within this time is taken as unreachable.
  private static final long READ_TIMEOUT_SECONDS = 5;

  private Recovery() {}

  static void start(ChanxConnection<?, ?> connection) {
    Map<String, Position> presented;
    try {
      presented = RecoveryQuery.parse(connection.queryParameter(RecoveryFrames.PARAMETER));
    } catch (IllegalArgumentException e) {
      presented = Map.of(); // refused at the upgrade already
    }
    TreeSet<String> joined = new TreeSet<>(connection.groups());
    if (connection.streamName() != null) {
      joined.add(connection.streamName());
    }
    List<String> groups = new ArrayList<>(joined);
    List<CompletableFuture<RecoveryOutcome>> outcomes = new ArrayList<>(groups.size());
    for (String group : groups) {
      Position position = presented.get(group);
      CompletableFuture<HistoryRead> read;
      try {
        read = connection.channelGroups().history(group, position);
      } catch (RuntimeException e) {
        read = CompletableFuture.failedFuture(e);
      }
      outcomes.add(read.thenApply(history -> RecoveryOutcome.decide(group, position, history)));
    }
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .orTimeout(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .whenComplete((done, failure) -> {
          RecoveryGate gate = connection.recovery();
          if (failure != null) {
            // Better a client that tries again later than one that silently misses frames.
            LOG.warn("Connection {}: the history of its groups cannot be read ({}); closing with 1013",
                connection.id(), failure.toString());
            for (int i = 0; i < outcomes.size(); i++) {
              connection.telemetry().recovery(RecoveryOutcome.FAILED, RecoveryOutcome.UNAVAILABLE);
            }
            gate.abandon();
            connection.close(StatusCode.TRY_AGAIN_LATER, "Recovery unavailable, try again later");
            return;
          }
          List<RecoveryOutcome> results = new ArrayList<>(outcomes.size());
          for (CompletableFuture<RecoveryOutcome> outcome : outcomes) {
            RecoveryOutcome result = outcome.join();
            connection.telemetry().recovery(result.status(), result.reason());
            results.add(result);
          }
          gate.recovered(results);
        });
  }
}
