package org.duban.task.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The Anhui 2022 plan (皖政务办〔2022〕3号) as published, extracted to text. */
final class SamplePlan {

    private SamplePlan() {
    }

    static String text() {
        try (InputStream in = SamplePlan.class.getResourceAsStream("/anhui-2022-disclosure-plan.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlanSource source() {
        return new PlanTextReader().read(text());
    }

    static ParsedPlan plan() {
        return new PlanAssembler().assemble(source());
    }
}
