package dev.chanx.gen.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <C>ServerMessageDecoder}: the decoder of what the server sends, the mirror of the
 * dispatcher's {@code decode}, validating each frame with the channel's reader. The Java client
 * reads the server's frames with it, and the server its own pushes where they are delivered.
 */
final class ServerDecoderWriter {

  private final FileHeader header;
  private final ChannelPlan plan;

  ServerDecoderWriter(FileHeader header, ChannelPlan plan) {
    this.header = header;
    this.plan = plan;
  }

  TypeSpec write() {
    ChannelPlan.Roles roles = plan.roles();
    FrameDecoding decoding = new FrameDecoding(plan, plan.serverMessages(), roles.serverMessage());
    TypeSpec.Builder type = TypeSpec.classBuilder(roles.serverDecoder())
        .addAnnotation(header.generated())
        .addModifiers(Modifier.FINAL)
        .addJavadoc(Docs.block(List.of("Decodes what the server sends on channel " + Docs.code(plan.channel().key())
            + ": what a Java client receives, and the pushes the server delivers.",
            "{@link #decode} reads the " + Docs.code(decoding.discriminator()) + " of a frame and validates the"
                + " frame against that message's schema in one pass over the parsed tree, reporting every"
                + " problem found.")))
        .addFields(decoding.fields())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(decoding.decode(MethodSpec.methodBuilder("decode")
            .addJavadoc("The message a server frame holds, or every problem found in it.\n")
            .addModifiers(Modifier.STATIC)));
    MethodSpec binary = decoding.decodeBinary(MethodSpec.methodBuilder("decodeBinary")
        .addJavadoc("The binary message a binary server frame holds: every binary frame is that message.\n")
        .addModifiers(Modifier.STATIC));
    if (binary != null) {
      type.addMethod(binary);
    }
    MethodSpec untagged = decoding.decodeUntagged();
    if (untagged != null) {
      type.addMethod(untagged);
    }
    return type.build();
  }
}
