package org.duban.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The real plans tests play with. */
public final class SamplePlans {

    /** 皖政务办〔2022〕3号: Anhui's 2022 government-affairs-disclosure plan, 44 tasks, as published text. */
    public static final String ANHUI_2022_DOCUMENT_NUMBER = "皖政务办〔2022〕3号";

    private SamplePlans() {
    }

    /** The plan's text, UTF-8. */
    public static byte[] anhui2022() {
        try (InputStream in = SamplePlans.class.getResourceAsStream("anhui-2022-disclosure-plan.txt")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
