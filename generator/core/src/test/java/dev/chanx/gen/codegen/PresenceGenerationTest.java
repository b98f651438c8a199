package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.GeneratedFile;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.Target;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.channel.Connection;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel that declares presence ({@code x-chanx: {presence: {member: ...}}}) gets a typed
 * {@code <C>Presence} on the server and typed presence frames in its clients; a declaration the
 * generator cannot use is reported.
 */
class PresenceGenerationTest {

  private static final Path CHAT = Path.of("../../spec/chat.asyncapi.yaml");

  @Test
  void theTutorialChatGetsTypedPresence(@TempDir Path dir) throws Exception {
    List<GeneratedFile> files = JavaGenerator.generate(SpecReader.read(CHAT, null), "com.example",
        Set.of(Target.SERVER, Target.JAVA_CLIENT));
    ClassLoader loader = InMemoryJavac.compile(files, dir);

    Class<?> presence = loader.loadClass("com.example.chat.ChatPresence");
    Class<?> member = loader.loadClass("com.example.chat.ChatMember");
    Method track = presence.getMethod("track", Connection.class, String.class, String.class, member);
    assertTrue(java.lang.reflect.Modifier.isStatic(track.getModifiers()));
    assertEquals(List.of("subscribe", "track", "unsubscribe", "untrack"), Arrays.stream(presence.getDeclaredMethods())
        .map(Method::getName).sorted().toList());
    Class<?> listener = loader.loadClass("com.example.chat.ChatListener");
    for (String frame : List.of("State", "Join", "Leave")) {
      listener.getMethod("onPresence" + frame, loader.loadClass("com.example.chat.Presence" + frame));
    }
    Class<?> members = loader.loadClass("com.example.chat.ChatPresenceMembers");
    assertEquals(List.of("scope", "members", "member"), Arrays.stream(members.getRecordComponents())
        .map(c -> c.getName()).toList());
    // The runtime sends presence itself: no publisher, no transform in the handler.
    assertFalse(files.stream().anyMatch(f -> f.relativePath().endsWith("ChatPublisher.java")));
  }

  @Test
  void aPresenceWithoutMemberIsReported(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("bad.asyncapi.yaml");
    String chat = Files.readString(CHAT);
    String bad = chat.replace("        member:\n          $ref: '#/components/schemas/ChatMember'\n", "        size: 3\n");
    assertNotEquals(chat, bad, "the tutorial's declaration moved");
    Files.writeString(doc, bad);
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(doc, null));
    assertTrue(e.getMessage().contains("presence must be a map with member"), e.getMessage());
    assertTrue(e.getMessage().contains("/channels/chat/x-chanx/presence"), e.getMessage());
  }

  @Test
  void presenceInAVersion2DocumentIsReported(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("v2.asyncapi.yaml");
    Files.writeString(doc, """
        asyncapi: 2.6.0
        info:
          title: Feed
          version: 1.0.0
        channels:
          feed:
            x-chanx:
              presence:
                member:
                  type: object
            subscribe:
              message:
                payload:
                  type: object
                  properties:
                    action:
                      const: hello
        """);
    SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(doc, null));
    assertTrue(e.getMessage().contains("presence is read from AsyncAPI 3 documents only"), e.getMessage());
  }
}
