package org.duban.platform.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text that offices upload: plans, unit sheets. */
public final class TextBodies {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextBodies() {
    }

    /**
     * The declared charset if the client named a known one, else UTF-8 — unless the bytes are not
     * valid UTF-8, as when Excel or Word in a Chinese locale saves text in GBK; then GB18030 (a
     * superset of GBK).
     */
    public static String decode(byte[] bytes, String declaredCharset) {
        if (declaredCharset != null && !declaredCharset.isBlank()) {
            try {
                return new String(bytes, Charset.forName(declaredCharset.trim()));
            } catch (IllegalArgumentException e) {
                // an unknown charset name: fall through to detection
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }
}
