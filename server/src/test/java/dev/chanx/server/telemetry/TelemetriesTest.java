package dev.chanx.server.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.server.layer.LayerTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetriesTest {

  /** Tells what it is told into a shared list, prefixed with its name. */
  private record Recording(String name, List<String> told) implements Telemetry {

    @Override
    public ChannelTelemetry channel(String channel, String address, Map<String, String> operations) {
      return new ChannelTelemetry() {
        @Override
        public FrameScope frame(String message, int size, String traceparent) {
          told.add(name + " frame " + message);
          return new FrameScope() {
            @Override
            public void invalid(String rule) {
              told.add(name + " invalid " + rule);
            }

            @Override
            public void close() {
              told.add(name + " close");
            }
          };
        }

        @Override
        public void sent(int bytes) {
          told.add(name + " sent " + bytes);
        }
      };
    }

    @Override
    public LayerTelemetry layer() {
      return new LayerTelemetry() {
        @Override
        public Sending sending(String group) {
          return new Sending() {
            @Override
            public String context() {
              return name.equals("a") ? null : "context of " + name;
            }

            @Override
            public boolean watched() {
              return true;
            }

            @Override
            public void done(int recipients, long startNanos) {
              told.add(name + " done " + recipients);
            }
          };
        }
      };
    }

    @Override
    public boolean readsTraceparent() {
      return name.equals("c");
    }
  }

  @Test
  void tellsEachInOrderAndClosesInReverse() {
    List<String> told = new ArrayList<>();
    Telemetry all = Telemetries.of(List.of(new Recording("a", told), new Recording("b", told),
        new Recording("c", told)));
    ChannelTelemetry channel = all.channel("chat", "/ws/chat", Map.of());
    try (FrameScope scope = channel.frame("ping", 10, null)) {
      scope.invalid("missing");
    }
    channel.sent(5);
    LayerTelemetry.Sending send = all.layer().sending("chat/room");
    send.done(3, 0);
    assertEquals(List.of("a frame ping", "b frame ping", "c frame ping", "a invalid missing", "b invalid missing",
        "c invalid missing", "c close", "b close", "a close", "a sent 5", "b sent 5", "c sent 5", "c done 3",
        "b done 3", "a done 3"), told);
    assertEquals("context of b", send.context());
    assertTrue(send.watched());
    assertTrue(all.readsTraceparent());
  }

  @Test
  void whatWatchesNothingAddsNothing() {
    List<String> told = new ArrayList<>();
    Telemetry one = new Recording("a", told);
    Telemetry withOff = Telemetries.of(List.of(Telemetry.OFF, one));
    ChannelTelemetry channel = withOff.channel("chat", "/ws/chat", Map.of());
    ChannelTelemetry alone = one.channel("chat", "/ws/chat", Map.of());
    // The chain hands out the one side that watches, not a pair around it.
    assertEquals(alone.getClass(), channel.getClass());
    assertSame(LayerTelemetry.OFF, Telemetries.of(List.of(Telemetry.OFF, Telemetry.OFF)).layer());
    assertSame(Telemetry.OFF, Telemetries.of(List.of()));
    assertSame(one, Telemetries.of(List.of(one)));
  }
}
