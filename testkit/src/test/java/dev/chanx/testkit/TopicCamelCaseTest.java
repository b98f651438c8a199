package dev.chanx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chanx.server.ChanxServer;
import dev.chanx.server.topic.TopicPublisher;
import dev.chanx.testkit.ProfileMessages.Profile;
import dev.chanx.testkit.ProfileMessages.ProfileServerMessage;
import dev.chanx.testkit.ProfileMessages.ProfileUpdated;
import dev.chanx.testkit.ProfileMessages.Town;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Topic frames follow the channel's camelCase option as its own frames do: payloads come in
 * camelCase and go out camelized (replies, broadcasts, the publisher's), while a snake_case
 * channel serving the same topic keeps the document's keys; the envelope is the same either way.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TopicCamelCaseTest {

  private static final String CAMEL_PROFILE = "{\"displayName\":\"Ann\",\"homeTown\":{\"cityName\":\"Oslo\"}}";
  private static final String SNAKE_PROFILE = "{\"display_name\":\"Ann\",\"home_town\":{\"city_name\":\"Oslo\"}}";

  // The profiles channel speaks camelCase and mounts the topic; the topic's own route speaks snake_case.
  @RegisterExtension
  static ChanxServerExtension server = ChanxServerExtension.of(() ->
      ChanxServer.create(config -> config.host("127.0.0.1").port(0)
          .channel(new ProfileRoute(), new ProfileRoute.Team(),
              profiles -> profiles.camelCase(true).topic(new ProfileTopicRoute(), new ProfileTopicRoute.Team()))
          .channel(new ProfileTopicRoute(), new ProfileTopicRoute.Team())));

  @Test
  void aCamelCaseSubscriberSendsAndHearsCamelCase() {
    TopicProbe ann = server.client("/ws/profiles/x/").connect().subscribe("profile:a");
    TopicProbe bob = server.client("/ws/profiles/y/").connect().subscribe("profile:a");
    String ref = ann.send("update_profile", CAMEL_PROFILE);
    Frame reply = ann.expectAction("profile_updated");
    assertEquals(ref, reply.ref());
    assertEquals(CAMEL_PROFILE, reply.payload().toString());
    assertEquals(CAMEL_PROFILE, bob.expectAction("profile_updated").payload().toString());
  }

  @Test
  void eachSubscriberHearsItsOwnSpellingFromAPeerAndFromThePublisher() {
    TopicProbe camel = server.client("/ws/profiles/x/").connect().subscribe("profile:b");
    // On the topic's own route the socket is subscribed as it connects: its URL names the topic.
    ChanxTestClient<?> snakeSocket = server.client("/ws/profile/b/").connect();
    TopicProbe snake = snakeSocket.topic("profile:b");
    snake.expectAction("subscribed");

    camel.send("update_profile", CAMEL_PROFILE);
    camel.expectAction("profile_updated");
    assertEquals(SNAKE_PROFILE, snake.expectAction("profile_updated").payload().toString());

    TopicPublisher<ProfileServerMessage, String> publisher = server.server().topic(new ProfileTopicRoute());
    publisher.broadcast("b", new ProfileUpdated(new Profile("Ann", new Town("Oslo"))));
    assertEquals(CAMEL_PROFILE, camel.expectAction("profile_updated").payload().toString());
    assertEquals(SNAKE_PROFILE, snake.expectAction("profile_updated").payload().toString());

    camel.unsubscribe();
    camel.send("update_profile", CAMEL_PROFILE);
    camel.expectRefused("not_subscribed");
  }
}
