package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.server.ChannelPublisher;
import dev.chanx.server.ChanxServer;
import dev.chanx.testkit.ProfileMessages.Profile;
import dev.chanx.testkit.ProfileMessages.ProfileServerMessage;
import dev.chanx.testkit.ProfileMessages.ProfileUpdated;
import dev.chanx.testkit.ProfileMessages.Town;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** camelCase on the wire, snake_case in the document and the code: replies, errors, broadcasts and pushes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CamelCaseTest {

  private static final String CAMEL_UPDATE =
      "{\"action\":\"update_profile\",\"payload\":{\"displayName\":\"Ann\",\"homeTown\":{\"cityName\":\"Oslo\"}}}";
  private static final String CAMEL_UPDATED =
      "{\"action\":\"profile_updated\",\"payload\":{\"displayName\":\"Ann\",\"homeTown\":{\"cityName\":\"Oslo\"}}}";

  @RegisterExtension
  static ChanxServerExtension camel = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .camelCase(true).channel(new ProfileRoute(), new ProfileRoute.Team())));

  @RegisterExtension
  static ChanxServerExtension perChannel = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .channel(new ProfileRoute(), new ProfileRoute.Team(), profiles -> profiles.camelCase(true))));

  @RegisterExtension
  static ChanxServerExtension snake = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
      .channel(new ProfileRoute(), new ProfileRoute.Team())));

  @Test
  void camelCaseKeysComeInAtAnyDepthAndTheReplyGoesOutCamelized() {
    camel.client("/ws/profiles/a/").connect().send(CAMEL_UPDATE).expectText(CAMEL_UPDATED);
    perChannel.client("/ws/profiles/a/").connect().send(CAMEL_UPDATE).expectText(CAMEL_UPDATED);
  }

  @Test
  void broadcastsArriveCamelized() {
    ChanxTestClient<?> ann = camel.client("/ws/profiles/b/").connect();
    ChanxTestClient<?> bob = camel.client("/ws/profiles/b/").connect();
    // The upgrade completes before the server runs onConnect, where each joins the team: a round
    // trip each first, so that both have joined before the broadcast (without it, 1 CI run failed).
    ann.send("{}").expectError();
    bob.send("{}").expectError();
    ann.send(CAMEL_UPDATE).expectText(CAMEL_UPDATED);
    bob.expectText(CAMEL_UPDATED);
  }

  @Test
  void pushesArriveCamelized() {
    ChanxTestClient<?> ann = camel.client("/ws/profiles/c/").connect();
    ann.send(CAMEL_UPDATE).expectText(CAMEL_UPDATED);
    ChannelPublisher<ProfileServerMessage> publisher = camel.server().publisher(new ProfileRoute());
    publisher.broadcast(new ProfileUpdated(new Profile("Ann", new Town("Oslo"))), "c");
    ann.expectText(CAMEL_UPDATED);
  }

  @Test
  void validationErrorsNameTheFieldsAsTheDocumentDoesAndEchoTheRefUntouched() {
    Frame error = camel.client("/ws/profiles/d/").connect()
        .send("{\"action\":\"update_profile\",\"payload\":{\"homeTown\":{}},\"ref\":{\"my_ref\":1}}").expectError();
    assertEquals("[{\"type\":\"missing\",\"loc\":[\"update_profile\",\"payload\",\"display_name\"],\"msg\":\"Field required\"},"
        + "{\"type\":\"missing\",\"loc\":[\"update_profile\",\"payload\",\"home_town\",\"city_name\"],\"msg\":\"Field required\"}]",
        error.payload().toString());
    assertEquals("{\"my_ref\":1}", error.ref());
  }

  @Test
  void withoutTheOptionKeysStayAsTheDocumentWritesThem() {
    ChanxTestClient<?> client = snake.client("/ws/profiles/e/").connect();
    client.send(CAMEL_UPDATE).expectError();
    client.send("{\"action\":\"update_profile\",\"payload\":{\"display_name\":\"Ann\",\"home_town\":{\"city_name\":\"Oslo\"}}}")
        .expectText("{\"action\":\"profile_updated\",\"payload\":{\"display_name\":\"Ann\",\"home_town\":{\"city_name\":\"Oslo\"}}}");
  }
}
