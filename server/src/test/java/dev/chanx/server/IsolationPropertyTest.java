package dev.chanx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chanx.server.testing.HoppingRoom;
import dev.chanx.server.testing.StampedClient;
import dev.chanx.server.testing.StampedClient.Stamped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Under concurrent joins, leaves and broadcasts (random, with a fixed seed, on several threads),
 * no frame ever reaches a connection that was not in the room it was sent to.
 *
 * <p>One clock orders the test's events. A client is in room R from the tick it asks to join
 * until the tick it receives the server's "left" answer; a broadcast to R exists from the tick
 * its sender sends it until the tick it is received. A received frame is allowed only if those
 * two spans overlap: otherwise the server delivered it to a non-member.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IsolationPropertyTest {

  private static final long SEED = 20_240_909L;
  private static final int THREADS = 4;
  private static final int CLIENTS_PER_THREAD = 3;
  private static final int OPERATIONS_PER_THREAD = 150;
  private static final List<String> ROOMS = List.of("r0", "r1", "r2", "r3");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicLong clock = new AtomicLong();
  /** Broadcast id to its room and the tick it was sent at. */
  private final Map<String, Sent> sent = new ConcurrentHashMap<>();
  private ChanxServer server;

  private record Sent(String room, long tick) {}

  /** One client, driven by one thread: its rooms over time and every frame it received. */
  private final class Member {
    final String name;
    final StampedClient client;
    final Map<String, List<long[]>> spans = new HashMap<>();
    final List<Stamped> received = new ArrayList<>();
    int sentCount;

    Member(String name, String room) throws Exception {
      this.name = name;
      spans.computeIfAbsent(room, r -> new ArrayList<>()).add(new long[] {clock.incrementAndGet(), Long.MAX_VALUE});
      this.client = StampedClient.connect(server.port(), "/ws/chat/" + room + "/", clock);
    }

    boolean in(String room) {
      List<long[]> list = spans.get(room);
      return list != null && !list.isEmpty() && list.get(list.size() - 1)[1] == Long.MAX_VALUE;
    }

    void join(String room) throws Exception {
      spans.computeIfAbsent(room, r -> new ArrayList<>()).add(new long[] {clock.incrementAndGet(), Long.MAX_VALUE});
      command("join:" + room);
    }

    void leave(String room) throws Exception {
      List<long[]> list = spans.get(room);
      list.get(list.size() - 1)[1] = command("leave:" + room);
    }

    void broadcast(String room) throws Exception {
      String id = name + "-" + sentCount++;
      sent.put(id, new Sent(room, clock.incrementAndGet()));
      client.send("{\"action\":\"new_chat_message\",\"payload\":{\"message\":\"" + id + "\",\"name\":\"" + room + "\"}}");
    }

    /** Sends a join or leave and returns the tick its answer arrived at, keeping what came before. */
    long command(String command) throws Exception {
      client.send("{\"action\":\"slow\",\"payload\":\"" + command + "\"}");
      String ack = "{\"action\":\"echo\",\"payload\":\"" + command + "\"}";
      while (true) {
        Stamped frame = client.frames().poll(10, TimeUnit.SECONDS);
        assertNotNull(frame, name + " got no answer to " + command);
        if (frame.text().equals(ack)) {
          return frame.tick();
        }
        received.add(frame);
      }
    }
  }

  @BeforeEach
  void start() {
    server = ChanxServer.create(config -> config.host("127.0.0.1").port(0)
        .channel(dev.chanx.server.testing.chat.ChatRoute.create(), new HoppingRoom())).start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void noFrameReachesAConnectionOutsideTheRoomItWasSentTo() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<Future<List<Member>>> results = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      results.add(threads.submit(() -> drive(thread)));
    }
    List<Member> members = new ArrayList<>();
    for (Future<List<Member>> result : results) {
      members.addAll(result.get(50, TimeUnit.SECONDS));
    }
    threads.shutdown();

    int checked = 0;
    List<String> violations = new ArrayList<>();
    for (Member member : members) {
      // A last round trip: whatever was handled before is in the list afterwards.
      member.command("settle");
      Set<String> seen = new HashSet<>();
      for (Stamped frame : member.received) {
        JsonNode json = JSON.readTree(frame.text());
        assertEquals("new_chat_message", json.path("action").asText(), frame.text());
        String id = json.path("payload").path("message").asText();
        Sent broadcast = sent.get(id);
        assertNotNull(broadcast, "unknown frame " + frame.text());
        assertEquals(broadcast.room(), json.path("payload").path("name").asText());
        assertTrue(seen.add(id), member.name + " got " + id + " twice");
        if (!allowed(member, broadcast, frame.tick())) {
          violations.add(member.name + " got " + id + " for " + broadcast.room() + " at tick " + frame.tick()
              + ", sent at " + broadcast.tick() + ", while its spans there were " + describe(member.spans.get(broadcast.room())));
        }
        checked++;
      }
      member.client.close();
    }
    assertEquals(List.of(), violations);
    assertTrue(checked > 500, "only " + checked + " frames were delivered: the test proves little");
  }

  private List<Member> drive(int thread) throws Exception {
    Random random = new Random(SEED + thread);
    List<Member> mine = new ArrayList<>();
    for (int c = 0; c < CLIENTS_PER_THREAD; c++) {
      mine.add(new Member("t" + thread + "c" + c, ROOMS.get(random.nextInt(ROOMS.size()))));
    }
    for (int op = 0; op < OPERATIONS_PER_THREAD; op++) {
      Member member = mine.get(random.nextInt(mine.size()));
      String room = ROOMS.get(random.nextInt(ROOMS.size()));
      int dice = random.nextInt(10);
      if (dice < 2) {
        if (member.in(room)) {
          member.leave(room);
        } else {
          member.join(room);
        }
      } else {
        member.broadcast(room);
      }
    }
    return mine;
  }

  private static boolean allowed(Member member, Sent broadcast, long receivedAt) {
    for (long[] span : member.spans.getOrDefault(broadcast.room(), List.of())) {
      if (span[0] <= receivedAt && broadcast.tick() <= span[1]) {
        return true;
      }
    }
    return false;
  }

  private static String describe(List<long[]> spans) {
    List<String> out = new ArrayList<>();
    for (long[] span : spans == null ? List.<long[]>of() : spans) {
      out.add("[" + span[0] + ", " + (span[1] == Long.MAX_VALUE ? "open" : span[1]) + "]");
    }
    return out.toString();
  }
}
