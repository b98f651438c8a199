package dev.chanx.example.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.example.BackgroundJobs;
import dev.chanx.example.ChatRoom;
import dev.chanx.example.ChatServer;
import dev.chanx.example.assistants.AssistantMessage;
import dev.chanx.example.chat.ChatMessagePayload;
import dev.chanx.example.chat.ChatPath;
import dev.chanx.example.chat.ChatServerMessage;
import dev.chanx.example.chat.NewChatMessage;
import dev.chanx.example.chat.PingMessage;
import dev.chanx.example.chat.PongMessage;
import dev.chanx.example.system.JobQueued;
import dev.chanx.example.system.JobResult;
import dev.chanx.example.system.SystemMessage;
import dev.chanx.example.system.SystemNotification;
import dev.chanx.example.system.SystemPath;
import dev.chanx.example.system.SystemPublisher;
import dev.chanx.example.system.SystemServerMessage;
import dev.chanx.example.system.TaskPayload;
import dev.chanx.core.message.Message;
import dev.chanx.testkit.CapturingPublisher;
import dev.chanx.testkit.ChanxServerExtension;
import dev.chanx.testkit.ChanxTestClient;
import dev.chanx.testkit.FakeConnection;
import dev.chanx.testkit.FakeConnection.Broadcast;
import dev.chanx.testkit.Frame;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tests the tutorial shows (docs/tutorial/05-testing.md), run on the tutorial's server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TutorialTest {

  // tag::extension[]
  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(() -> ChatServer.create(config -> config.port(0)
      .completionFrames(true)));
  // end::extension[]

  // tag::chat[]
  @Test
  void aMessageReachesTheOthersInTheRoomButNotItsSender() {
    ChanxTestClient<Message> alice = server.client("/ws/chat/room1/").connect();
    ChanxTestClient<Message> bob = server.client("/ws/chat/room1/").connect();
    ChanxTestClient<Message> carol = server.client("/ws/chat/room2/").connect();

    alice.send(new NewChatMessage(new ChatMessagePayload("Hello everyone!", "Alice")));

    assertEquals(List.of(), alice.receiveAll());  // every frame up to "complete": none for the sender
    assertEquals("Alice", bob.expect(NewChatMessage.class).payload().name());
    carol.assertNothingWithin(Duration.ofMillis(200));
    alice.send(new PingMessage()).expect(PongMessage.class);
  }
  // end::chat[]

  // tag::stream[]
  @Test
  void theAssistantStreamsItsAnswer() {
    ChanxTestClient<Message> you = server.client("/ws/assistants/").connect();

    you.send(new AssistantMessage("What is a channel layer?"));

    List<Frame> frames = you.receiveAll();  // up to the "complete" that follows the handler's reply
    assertEquals("streaming_start", frames.get(0).action());
    Frame last = frames.get(frames.size() - 1);
    assertEquals("complete_streaming", last.action());
    String streamed = frames.stream().filter(frame -> frame.action().equals("streaming"))
        .map(frame -> frame.payload().get("content").asText())
        .collect(Collectors.joining());
    assertEquals(last.payload().get("content").asText(), streamed);
  }
  // end::stream[]

  // tag::push[]
  @Test
  void aJobsResultIsPushedWhenItIsDone() {
    ChanxTestClient<Message> you = server.client("/ws/system/").connect();

    you.send(new SystemMessage(new TaskPayload("uppercase", "hello world")));

    assertTrue(you.expect(JobQueued.class).payload().startsWith("Task uppercase queued"));
    you.expectAction("complete");
    assertTrue(you.expect(JobResult.class).payload().endsWith("done: HELLO WORLD"));  // later
    you.expectAction("event_complete");
  }

  @Test
  void aTestCanPushToo() {
    ChanxTestClient<Message> you = server.client("/ws/system/").connect();
    you.send(new dev.chanx.example.system.PingMessage()).receiveAll();  // onConnect has run

    // tag::notify[]
    SystemPublisher.of(server.server())
        .broadcastSystemNotification(new SystemNotification("Maintenance at 18:00"), BackgroundJobs.EVERYONE);
    // end::notify[]

    assertEquals("Maintenance at 18:00", you.expect(SystemNotification.class).payload());
  }
  // end::push[]

  // tag::fake[]
  @Test
  void aHandlerWithoutASocket() throws Exception {
    FakeConnection<ChatServerMessage, ChatPath> alice = FakeConnection.of(new ChatPath("room1"));
    ChatRoom room = new ChatRoom();
    room.onConnect(alice);
    NewChatMessage hello = new NewChatMessage(new ChatMessagePayload("Hello everyone!", "Alice"));

    assertNull(room.handleNewChatMessage(hello, alice));

    assertEquals(List.of(new Broadcast<>(hello, Set.of("room1"), true)), alice.broadcasts());
  }
  // end::fake[]

  // tag::capture[]
  @Test
  void aJobPushesItsResultToTheConnectionThatQueuedIt() throws Exception {
    CapturingPublisher<SystemServerMessage> pushes = new CapturingPublisher<>();
    ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();
    BackgroundJobs jobs = new BackgroundJobs(() -> SystemPublisher.of(pushes), background, Duration.ZERO);
    FakeConnection<SystemServerMessage, SystemPath> alice = FakeConnection.of(new SystemPath());

    jobs.handleSystemMessage(new SystemMessage(new TaskPayload("reverse", "abc")), alice.id("alice"));
    background.shutdown();
    assertTrue(background.awaitTermination(10, TimeUnit.SECONDS));

    assertEquals(List.of(new JobResult("Job 1 done: cba")), pushes.messages());
    assertEquals("alice", pushes.pushes().get(0).connectionId());
  }
  // end::capture[]
}
