package org.duban.reminder.channel;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts robots post, from the Qute templates in templates/ChannelMessages: a title naming the unit
 * and the count, one markdown item per notification with a link to its assignment in the console
 * ({@code duban.console.url}), and a footer. A digest longer than a platform allows is split into
 * numbered parts (（1/3）…) at item boundaries; an item longer than a whole part is continued in the
 * next. Nothing is cut.
 */
@ApplicationScoped
public class ChannelMessages {

    static final String SEPARATOR = "\n\n";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance robotTitle(String unitName, int count, int part, int parts);

        static native TemplateInstance robotItem(int index, Line line);

        static native TemplateInstance robotFooter(String consoleUrl);

        static native TemplateInstance sampleTitle();

        static native TemplateInstance sampleItem(String unitName);
    }

    /** One notification of a digest, as a robot shows it. */
    @TemplateData
    public record Line(String kindLabel, String title, String detail, String link) {
    }

    /** One message: the title (a card's header, DingTalk's preview) and the markdown text, which repeats the title. */
    public record Message(String title, String markdown, int part, int parts) {
    }

    private final String consoleUrl;

    ChannelMessages(@ConfigProperty(name = "duban.console.url", defaultValue = "http://localhost:8080") String consoleUrl) {
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    }

    /** The console page of an assignment, or the unit's inbox for a notice about no assignment. */
    public String link(Long assignmentId) {
        return assignmentId == null ? consoleUrl + "/inbox" : consoleUrl + "/assignments/" + assignmentId;
    }

    /** A digest as messages of at most {@code maxBytes} UTF-8 bytes each. */
    public List<Message> digest(String unitName, List<Line> lines, int maxBytes) {
        List<String> items = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            items.add(Templates.robotItem(i + 1, lines.get(i)).render().strip());
        }
        String footer = Templates.robotFooter(consoleUrl).render().strip();
        // the widest title any part can have, so that the parts' count can be decided before numbering them
        int titleBytes = bytes(heading(Templates.robotTitle(unitName, lines.size(), 99, 99).render().strip()));
        int budget = maxBytes - titleBytes - bytes(SEPARATOR) * 2 - bytes(footer);
        if (budget < 64) {
            throw new IllegalArgumentException("a message of " + maxBytes + " bytes cannot hold a digest's title and footer");
        }
        List<List<String>> parts = pack(items, budget);
        List<Message> messages = new ArrayList<>(parts.size());
        for (int p = 0; p < parts.size(); p++) {
            String title = Templates.robotTitle(unitName, lines.size(), p + 1, parts.size()).render().strip();
            String text = heading(title) + SEPARATOR + String.join(SEPARATOR, parts.get(p)) + SEPARATOR + footer;
            messages.add(new Message(title, text, p + 1, parts.size()));
        }
        return messages;
    }

    /** The message {@code POST /api/channels/{id}/test} sends. */
    public Message sample(String unitName) {
        String title = Templates.sampleTitle().render().strip();
        String text = heading(title) + SEPARATOR + Templates.sampleItem(unitName).render().strip() + SEPARATOR
                + Templates.robotFooter(consoleUrl).render().strip();
        return new Message(title, text, 1, 1);
    }

    private static String heading(String title) {
        return "### " + title;
    }

    /**
     * Packs items, in order, into parts whose items with separators take at most {@code budget} bytes;
     * an item longer than the budget is split at character boundaries (its pieces continue it in the
     * following parts). Pure, so that its rules are tested with tables.
     */
    static List<List<String>> pack(List<String> items, int budget) {
        int separator = bytes(SEPARATOR);
        List<List<String>> parts = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int used = 0;
        for (String item : items) {
            for (String piece : pieces(item, budget)) {
                int size = bytes(piece) + (current.isEmpty() ? 0 : separator);
                if (!current.isEmpty() && used + size > budget) {
                    parts.add(current);
                    current = new ArrayList<>();
                    used = 0;
                    size = bytes(piece);
                }
                current.add(piece);
                used += size;
            }
        }
        if (!current.isEmpty() || parts.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    /** An item as pieces of at most {@code budget} bytes, split between characters (never inside one). */
    static List<String> pieces(String item, int budget) {
        if (bytes(item) <= budget) {
            return List.of(item);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int used = 0;
        for (int i = 0; i < item.length(); ) {
            int cp = item.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                pieces.add(piece.toString());
                piece.setLength(0);
                used = 0;
            }
            piece.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        pieces.add(piece.toString());
        return pieces;
    }

    static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
