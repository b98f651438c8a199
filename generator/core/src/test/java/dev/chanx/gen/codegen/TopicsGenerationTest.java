package dev.chanx.gen.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chanx.gen.SharedSpecs;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import dev.chanx.gen.model.Channel;
import dev.chanx.gen.model.Topic;
import dev.chanx.gen.read.SpecReader;
import dev.chanx.server.topic.TopicHandler;
import dev.chanx.server.topic.TopicRoute;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels with {@code x-topic} ({@code codegen/topics.yaml}): each topic is generated as a typed
 * topic of its own, with its parameters read from its pattern and its own dispatcher, so two
 * topics may both have {@code cancel}; one topic with two {@code cancel}s is refused.
 */
class TopicsGenerationTest {

  @TempDir
  static Path workDir;

  static CompiledChannel discussion;
  static CompiledChannel job;

  @BeforeAll
  static void generateAndCompile() {
    discussion = CompiledChannel.of(Path.of("src/test/resources/codegen/topics.yaml"), "discussion", "Discussion",
        workDir.resolve("discussion"));
    job = CompiledChannel.of(Path.of("src/test/resources/codegen/topics.yaml"), "job", "Job", workDir.resolve("job"));
  }

  @Test
  void aTopicIsReadFromXTopicAndNotMergedWithTheChannelAtItsAddress() throws Exception {
    ApiModel model = SpecReader.read(Path.of("src/test/resources/codegen/topics.yaml"), null);
    assertEquals(List.of("hub", "discussion", "job"), model.channels().stream().map(Channel::key).toList());
    Channel jobTopic = model.channels().get(2);
    assertEquals(new Topic("job", "org:{org}:job:{job_id}", List.of("org", "job_id")), jobTopic.topic());
    assertEquals(List.of("org", "job_id"), jobTopic.parameters().stream().map(p -> p.name()).toList());
    assertEquals(null, model.channels().get(0).topic());
  }

  @Test
  void twoTopicsMayBothHaveCancelEachWithItsOwnType() {
    Object discussionCancel = discussion.value("{\"action\":\"cancel\"}");
    Object jobCancel = job.value("{\"action\":\"cancel\"}");
    assertEquals("com.example.discussion.Cancel", discussionCancel.getClass().getName());
    assertEquals("com.example.job.Cancel", jobCancel.getClass().getName());
    assertNotEquals(discussionCancel.getClass(), jobCancel.getClass());
  }

  @Test
  void theRouteIsATopicRouteThatReadsAndWritesTopicStrings() throws Exception {
    TopicRoute<?, ?, ?, ?> route = (TopicRoute<?, ?, ?, ?>) job.route();
    assertEquals("job", route.topicName());
    assertEquals("org:{org}:job:{job_id}", route.pattern());
    assertEquals(List.of("org", "job_id"), route.parameterNames());
    Object params = route.path(Map.of("org", "acme", "job_id", "42"));
    assertEquals("JobParams", params.getClass().getSimpleName());
    assertEquals("org:acme:job:42", topic(route, params));
    assertTrue(TopicHandler.class.isAssignableFrom(job.type("JobHandler")));
    assertEquals("JobTopic", job.type("JobTopic").getSimpleName(), "the topic's publisher");
  }

  @SuppressWarnings("unchecked")
  private static <P> String topic(TopicRoute<?, ?, ?, P> route, Object params) {
    return route.topic((P) params);
  }

  @Test
  void theJsDeclarationsTypeEachTopicHandleWithItsOwnMessages() throws Exception {
    ApiModel model = SpecReader.read(Path.of("src/test/resources/codegen/topics.yaml"), null);
    String declarations = JsClientGenerator.generate(model).get(0).content();
    assertTrue(declarations.contains("): ChanxTopic<Discussion.DiscussionClientMessage, "
        + "Discussion.DiscussionServerMessage>;"), declarations);
    assertTrue(declarations.contains("): ChanxTopic<Job.JobClientMessage, Job.JobServerMessage>;"), declarations);
    // Each topic's own namespace: both have a Cancel, each its own.
    String discussionTypes = namespace(declarations, "Discussion");
    String jobTypes = namespace(declarations, "Job");
    assertTrue(discussionTypes.contains("export interface Cancel {"), discussionTypes);
    assertTrue(jobTypes.contains("export interface Cancel {"), jobTypes);
    assertTrue(discussionTypes.contains("export type DiscussionClientMessage = "), discussionTypes);
  }

  private static String namespace(String declarations, String name) {
    int start = declarations.indexOf("export declare namespace " + name + " {");
    assertTrue(start >= 0, "no namespace " + name + " in\n" + declarations);
    return declarations.substring(start, declarations.indexOf("\n}\n", start));
  }

  @Test
  void aCollisionInsideOneTopicIsAGenerationError() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.read(Path.of("src/test/resources/codegen/topics-collision.yaml"), null));
    assertTrue(e.getMessage().contains("message 'cancel_again' of channel 'discussion' can never be read: it and"
        + " 'cancel' both have action 'cancel'"), e.getMessage());
  }

  @Test
  void xTopicParametersMustBeThoseOfItsPattern() {
    SpecException e = assertThrows(SpecException.class,
        () -> SpecReader.read(Path.of("src/test/resources/codegen/topics-bad-parameters.yaml"), null));
    assertTrue(e.getMessage().contains("x-topic parameters [job_id] of channel 'job' are not those of its pattern"
        + " 'org:{org}:job:{job_id}', [org, job_id]"), e.getMessage());
  }

  @Test
  void chanxsOwnSandboxDocumentGeneratesItsTopics() throws Exception {
    SharedSpecs.assumePresent();
    Path sandbox = SharedSpecs.corpus("asyncapi/chanx").resolve("chanx_sandbox_fastapi_asyncapi_schema.yaml");
    ApiModel model = SpecReader.read(sandbox, null);
    List<Topic> topics = model.channels().stream().map(Channel::topic).filter(Objects::nonNull).toList();
    assertEquals(List.of("room:{room_name}", "presence:{user}", "room:{room_name}"),
        topics.stream().map(Topic::pattern).toList());
    InMemoryJavac.compile(JavaGenerator.generate(model, "com.example"), workDir.resolve("sandbox"));
  }
}
