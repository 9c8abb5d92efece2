package org.duban.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documentation is read in a clone of this repository, on its own: every Markdown link leads to
 * a file of the repository that exists, or to a public web page (http, https). A link that climbs out
 * of the checkout (../shared/…), starts at the file system's root or names a missing file fails.
 */
class MarkdownLinksTest {

    /** An inline link or image, {@code [text](target "title")}, and a reference definition, {@code [name]: target}. */
    private static final Pattern INLINE = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s+.*)?$");
    private static final Pattern HTML = Pattern.compile("(?i)<(?:a|img)\\s[^>]*(?:href|src)\\s*=\\s*\"([^\"]*)\"");

    static List<Path> markdownFiles() {
        return Repository.files(path -> path.getFileName().toString().endsWith(".md"));
    }

    @ParameterizedTest
    @MethodSource("markdownFiles")
    void everyLinkStaysInTheRepositoryOrIsAPublicPage(Path markdown) throws IOException {
        List<String> broken = new ArrayList<>();
        for (String target : targets(Files.readString(markdown))) {
            String problem = problem(markdown, target);
            if (problem != null) {
                broken.add(target + " (" + problem + ")");
            }
        }
        assertTrue(broken.isEmpty(), Repository.root().relativize(markdown) + ": " + broken);
    }

    @Test
    void findsTheReadmesAndTheirLinks() throws IOException {
        List<Path> files = markdownFiles();
        assertTrue(files.contains(Repository.root().resolve("README.md")));
        assertTrue(files.contains(Repository.root().resolve("deploy/README.md")));
        assertFalse(targets(Files.readString(Repository.root().resolve("README.md"))).isEmpty(), "the README links its parts");
    }

    /** The rule itself, on links that must pass and links that must not. */
    @Test
    void tellsLinksThatLeaveTheRepositoryFromOnesThatStay() {
        Path readme = Repository.root().resolve("deploy/keycloak/README.md");
        assertEquals(null, problem(readme, "../README.md"));
        assertEquals(null, problem(readme, "../../README.md#run-it"));
        assertEquals(null, problem(readme, "#changing-the-realm"));
        assertEquals(null, problem(readme, "https://www.keycloak.org/docs/latest/server_admin/"));
        assertEquals("outside the repository", problem(readme, "../../../shared/design/API.md"));
        assertEquals("no such file", problem(readme, "../NOTES.md"));
        assertEquals("an absolute path", problem(readme, "/etc/hosts"));
        assertEquals("not a public page", problem(readme, "file:///work/shared/design/API.md"));
        assertEquals(List.of("a.md", "https://example.org/b", "c.png", "d.md"),
                targets("[a](a.md) and [b](https://example.org/b \"B\") ![c](c.png)\n\n[d]: d.md\n"));
        assertEquals(List.of(), targets("`[a](../a.md)`\n```\n[b](../b.md)\n```\n"), "code is not a link");
    }

    /** Every link target of a Markdown text, outside code spans and fenced code blocks. */
    static List<String> targets(String markdown) {
        String text = markdown.replaceAll("(?ms)^ {0,3}(```|~~~).*?^ {0,3}\\1[^\\n]*$", "").replaceAll("`[^`\\n]*`", "");
        List<String> targets = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, REFERENCE, HTML)) {
            Matcher link = pattern.matcher(text);
            while (link.find()) {
                targets.add(link.group(1));
            }
        }
        return targets;
    }

    /** Why a link target is not allowed, or null when it is. */
    static String problem(Path markdown, String target) {
        if (target.matches("(?i)https?://\\S+") || target.matches("(?i)mailto:\\S+")) {
            return null;
        }
        if (target.matches("(?i)[a-z][a-z0-9+.-]*:.*")) {
            return "not a public page";
        }
        String path = target.replaceFirst("[#?].*$", "");
        if (path.isEmpty()) {
            return null; // a heading of the same file
        }
        if (path.startsWith("/")) {
            return "an absolute path";
        }
        Path root = Repository.root().normalize();
        Path resolved = markdown.getParent().resolve(java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)).normalize();
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        return null;
    }
}
