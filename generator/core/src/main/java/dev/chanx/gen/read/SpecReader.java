package dev.chanx.gen.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.chanx.core.presence.PresenceFrames;
import dev.chanx.gen.CheckOptions;
import dev.chanx.gen.SpecException;
import dev.chanx.gen.model.ApiModel;
import java.nio.file.Path;

/** Reads an AsyncAPI document (2.0 to 2.6, 3.0 or 3.1; YAML or JSON) into the model, collecting every problem. */
public final class SpecReader {

  private SpecReader() {}

  /**
   * Reads and checks a document.
   *
   * @param spec the document
   * @param discriminator the discriminator property to use for every channel, or null to infer it
   * @throws SpecException listing every problem found, each with file, JSON pointer and line
   */
  public static ApiModel read(Path spec, String discriminator) throws SpecException {
    return read(spec, discriminator, true);
  }

  /**
   * Reads and checks a document.
   *
   * @param spec the document
   * @param discriminator the discriminator property to use for every channel, or null to infer it
   * @param assertFormats whether {@code format} is checked in what is received (draft-07 leaves it
   *     to the implementation; checked unless turned off), else only an annotation
   * @throws SpecException listing every problem found, each with file, JSON pointer and line
   */
  public static ApiModel read(Path spec, String discriminator, boolean assertFormats) throws SpecException {
    return read(CheckOptions.defaults().discriminator(discriminator).assertFormats(assertFormats), spec);
  }

  /**
   * Reads and checks a document as the options say (discriminator, formats, role).
   *
   * @throws SpecException listing every problem found, each with file, JSON pointer and line
   */
  public static ApiModel read(CheckOptions options, Path spec) throws SpecException {
    Reading reading = reading(options, spec);
    if (!reading.problems().isEmpty()) {
      throw new SpecException(reading.problems());
    }
    return reading.model();
  }

  /**
   * Reads a document as far as it can be read, without failing: the model of every channel (those
   * with problems too) unless reading had to stop early, and every problem found.
   */
  public static Reading reading(CheckOptions options, Path spec) {
    String name = spec.getFileName().toString();
    try {
      return read(options, spec, name);
    } catch (SpecException e) {
      return Reading.failed(name, e.problems());
    }
  }

  private static Reading read(CheckOptions options, Path spec, String name) throws SpecException {
    String discriminator = options.discriminator();
    Problems problems = new Problems();
    DocumentSet docs = new DocumentSet(spec, problems);
    SourceDoc root = docs.root(spec);
    problems.throwIfAny();
    if (!root.root().isObject()) {
      problems.at(root.at(""), "the document is not a map of fields", "Start it with asyncapi: 3.0.0.");
      problems.throwIfAny();
    }
    SpecVersion version = SpecVersion.of(root, problems);
    problems.throwIfAny();
    // Presence frames are read as if the document declared them, so clients get them typed.
    for (PresenceFrames.Problem problem : PresenceFrames.declare((ObjectNode) root.root())) {
      problems.at(root.at(problem.pointer()), problem.message(),
          "Write x-chanx: {presence: {member: {$ref: '#/components/schemas/Member'}}} in an AsyncAPI 3 document.");
    }
    StructureCheck.check(root, docs, version, problems);
    problems.structureChecked();
    ReadContext ctx = new ReadContext(root, docs, problems, options.assertFormats(), options.role());
    DocumentReader reader = version == SpecVersion.V2 ? new V2DocumentReader(ctx) : new V3DocumentReader(ctx);
    DocumentDraft draft = SharedAddresses.merge(reader.read(), problems);
    new Polymorphism(ctx.schemas, problems).apply();
    DiscriminatorInference inference = new DiscriminatorInference(ctx.schemas::deref, problems);
    ReservedActions.check(draft, inference, problems);
    String named = discriminator == null || discriminator.isBlank() ? null : discriminator.strip();
    DispatchProof proof = new DispatchProof(ctx.schemas::deref,
        key -> ctx.schemas.named().containsKey(key) ? ctx.schemas.named().get(key).contract() : null,
        pointer -> place(root, docs, pointer), problems);
    ApiModel model = new ModelAssembler(inference, proof).assemble(draft, name, named, ctx.schemas, problems);
    return new Reading(name, model, problems.sorted(), docs, Reading.places(draft.channels(), ctx.schemas.named()));
  }

  /** Where a canonical pointer ({@code /a/b} in the root file, {@code file#/a/b} in another) is, or null. */
  private static Location place(SourceDoc root, DocumentSet docs, String pointer) {
    int hash = pointer.indexOf('#');
    if (hash < 0) {
      return root.at(pointer);
    }
    SourceDoc doc = docs.named(pointer.substring(0, hash));
    return doc == null ? null : doc.at(pointer.substring(hash + 1));
  }
}
