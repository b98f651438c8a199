package dev.chanx.gen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChanxGenTest {

  private static final Path CHAT = Path.of("../../spec/chat.asyncapi.yaml");
  private static final Path TICKER_CLIENT = Path.of("../core/src/test/resources/read/role/ticker-client.yaml");

  @TempDir Path temp;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = ChanxGen.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsBothCommands() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("generate"), out.toString());
    assertTrue(out.toString().contains("validate"), out.toString());
  }

  @Test
  void versionNamesTheTool() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().startsWith("chanx-gen "), out.toString());
  }

  @Test
  void aTypoSuggestsTheCommand() {
    assertEquals(2, run("genrate"));
    assertTrue(err.toString().contains("Did you mean"), err.toString());
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("Missing a command"), err.toString());
  }

  @Test
  void roleClientReadsTheDocumentsSendsAsWhatClientsSend() {
    assertEquals(0, run("validate", "--spec", TICKER_CLIENT.toString(), "--role", "client"));
    assertTrue(out.toString().contains("1 client, 2 server messages"), out.toString());
    // Read as the server's, subscribe is the server's request and subscribed the client's reply to it.
    assertEquals(0, run("validate", "--spec", TICKER_CLIENT.toString()));
    assertTrue(out.toString().contains("2 client, 1 server message"), out.toString());
  }

  @Test
  void keepGoingGeneratesTheFineChannelsAndReportsTheOthers() {
    Path mixed = Path.of("../core/src/test/resources/read/one-bad-channel.yaml");
    assertEquals(1, run("generate", "--spec", mixed.toString(), "--output", temp.toString(), "--package", "com.example",
        "--keep-going"));
    assertTrue(Files.isRegularFile(temp.resolve("com/example/chat/ChatHandler.java")));
    // Channel lobby has no address: no problem, its route is placed in code.
    assertTrue(Files.isRegularFile(temp.resolve("com/example/lobby/LobbyRoute.java")));
    assertFalse(Files.exists(temp.resolve("com/example/trades")));
    assertTrue(err.toString().endsWith("chanx-gen: 3 problems found; the channels they are about were left out, the"
        + " other 2 channels generated." + System.lineSeparator()), err.toString());
  }

  @Test
  void anUnknownRoleIsAUsageError() {
    assertEquals(2, run("validate", "--spec", TICKER_CLIENT.toString(), "--role", "both"));
    assertTrue(err.toString().contains("--role"), err.toString());
  }

  @Test
  void generateWithoutPackageIsAUsageError() {
    assertEquals(2, run("generate", "--spec", CHAT.toString(), "--output", temp.toString()));
    assertTrue(err.toString().contains("--package"), err.toString());
  }

  @Test
  void anInvalidPackageIsAUsageError() {
    assertEquals(2, run("generate", "--spec", CHAT.toString(), "--output", temp.toString(), "--package", "com.1bad"));
    assertTrue(err.toString().contains("not a valid Java package name: com.1bad"), err.toString());
  }

  @Test
  void aMissingDocumentFailsWithItsName() {
    assertEquals(1, run("validate", "--spec", "nope.yaml"));
    assertEquals("chanx-gen: nope.yaml: no such file\n", err.toString());
  }

  @Test
  void validateSummarisesTheChannels() {
    assertEquals(0, run("validate", "--spec", CHAT.toString()), err.toString());
    assertTrue(out.toString().contains("chat.asyncapi.yaml: valid AsyncAPI 3.0.0 document, 1 channel"), out.toString());
    assertTrue(out.toString().contains("ws/chat/{group_name}/"), out.toString());
  }

  @Test
  void generateWritesTheChannelPackage() throws IOException {
    assertEquals(0, run("generate", "--spec", CHAT.toString(), "--output", temp.toString(), "--package", "com.example"),
        err.toString());
    assertTrue(Files.isRegularFile(temp.resolve("com/example/chat/ChatHandler.java")));
    assertTrue(Files.isRegularFile(temp.resolve("com/example/chat/ChatDispatcher.java")));
    try (Stream<Path> files = Files.walk(temp)) {
      assertTrue(files.filter(p -> p.toString().endsWith(".java")).count() >= 6);
    }
    assertTrue(out.toString().startsWith("Generated "), out.toString());
  }

  @Test
  void targetsChooseWhatIsWritten() throws IOException {
    assertEquals(0, run("generate", "--spec", CHAT.toString(), "--output", temp.toString(), "--package", "com.example",
        "--targets", "java-client,js-client"), err.toString());

    assertTrue(Files.isRegularFile(temp.resolve("com/example/chat/ChatClient.java")));
    assertTrue(Files.isRegularFile(temp.resolve("com/example/chat/ChatListener.java")));
    assertTrue(Files.isRegularFile(temp.resolve("com/example/chat/NewChatMessage.java")));
    assertFalse(Files.exists(temp.resolve("com/example/chat/ChatHandler.java")));
    assertTrue(Files.isRegularFile(temp.resolve("js/chanx-chat.js")));
    assertTrue(Files.isRegularFile(temp.resolve("js/chanx-chat.d.ts")));
  }

  @Test
  void theJavaScriptClientAloneNeedsNoPackage() {
    assertEquals(0, run("generate", "--spec", CHAT.toString(), "--output", temp.toString(), "--targets", "js-client"),
        err.toString());
    assertTrue(Files.isRegularFile(temp.resolve("js/chanx-chat.js")));
  }

  @Test
  void anUnknownTargetIsAUsageErrorNamingTheValidOnes() {
    assertEquals(2, run("generate", "--spec", CHAT.toString(), "--output", temp.toString(), "--package", "com.example",
        "--targets", "server,python-client"));
    assertEquals("chanx-gen: unknown target 'python-client'; valid targets: server, java-client, js-client\n"
        + "Try 'chanx-gen generate --help'.\n", err.toString());
  }

  @Test
  void aJavaTargetWithoutPackageIsAUsageError() {
    assertEquals(2, run("generate", "--spec", CHAT.toString(), "--output", temp.toString(), "--targets", "java-client"));
    assertTrue(err.toString().contains("--package"), err.toString());
  }

  @Test
  void aBrokenDocumentFailsWithFileLineAndNoStackTrace() throws IOException {
    Path broken = temp.resolve("broken.yaml");
    Files.writeString(broken, "asyncapi: 3.0.0\ninfo:\n  title: [unclosed\n  version: 1.0.0\n");
    assertEquals(1, run("generate", "--spec", broken.toString(), "--output", temp.resolve("out").toString(),
        "--package", "com.example"));
    String text = err.toString();
    assertTrue(text.startsWith("broken.yaml#"), text);
    assertTrue(text.contains("(line "), text);
    assertTrue(text.contains("nothing was generated"), text);
    assertFalse(text.contains("\tat "), text);
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void aDanglingReferenceNamesItsPointer() throws IOException {
    String chat = Files.readString(CHAT).replace("'#/components/schemas/ChatMessagePayload'",
        "'#/components/schemas/ChatMessagePayloda'");
    Path broken = temp.resolve("dangling.yaml");
    Files.writeString(broken, chat);
    assertEquals(1, run("validate", "--spec", broken.toString()));
    assertTrue(err.toString().contains("dangling.yaml#/components/schemas/NewChatMessage/properties/payload"),
        err.toString());
    assertTrue(err.toString().contains("ChatMessagePayloda"), err.toString());
  }

  /** The chat document with the payload's message property replaced by {@code property}. */
  private Path chatWith(String name, String property) throws IOException {
    String chat = Files.readString(CHAT).replace("        message:\n          title: Message\n          type: string\n",
        "        message:\n" + property);
    assertTrue(chat.contains(property), "the chat document no longer has the message property to replace");
    Path document = temp.resolve(name);
    Files.writeString(document, chat);
    return document;
  }

  @Test
  void aKeywordThatIsNotEnforcedIsAWarningWithItsPlaceAndAHint() throws IOException {
    Path typo = chatWith("typo.yaml", "          type: string\n          minLenght: 3\n");
    assertEquals(0, run("validate", "--spec", typo.toString()));
    assertTrue(err.toString().startsWith("warning: typo.yaml#/components/schemas/ChatMessagePayload/properties/"
        + "message/minLenght (line "), err.toString());
    assertTrue(err.toString().contains("): keyword 'minLenght' is not JSON Schema draft-07 and is not enforced."
        + " Did you mean 'minLength'?"), err.toString());
  }

  @Test
  void strictTurnsWarningsIntoProblems() throws IOException {
    Path typo = chatWith("typo.yaml", "          type: string\n          minLenght: 3\n");
    assertEquals(1, run("generate", "--strict", "--spec", typo.toString(), "--output",
        temp.resolve("out").toString(), "--package", "com.example"));
    assertTrue(err.toString().contains("keyword 'minLenght' is not JSON Schema draft-07"), err.toString());
    assertTrue(err.toString().contains("nothing was generated"), err.toString());
    assertFalse(Files.exists(temp.resolve("out")));
  }

  @Test
  void anUncheckedFormatWarnsUnlessFormatsOnlyAnnotate() throws IOException {
    Path format = chatWith("format.yaml", "          type: string\n          format: colour\n");
    assertEquals(0, run("validate", "--spec", format.toString()));
    assertTrue(err.toString().contains("format 'colour' is not checked"), err.toString());
    err.getBuffer().setLength(0);
    assertEquals(0, run("validate", "--formats", "annotate", "--spec", format.toString()));
    assertEquals("", err.toString());
  }

  @Test
  void validateReportsWhatGenerateWouldRefuse() throws IOException {
    String chat = Files.readString(CHAT);
    String channels = "channels:\n";
    assertTrue(chat.contains(channels), "the chat document no longer has channels");
    // Two channel keys that make one Java package: only planning the code finds it.
    Path broken = temp.resolve("two-packages.yaml");
    Files.writeString(broken, chat.replace(channels, channels + "  Chat:\n    address: ws/other/\n"));
    assertEquals(1, run("validate", "--spec", broken.toString()));
    assertTrue(err.toString().contains("already maps to package 'chat'"), err.toString());
  }
}
