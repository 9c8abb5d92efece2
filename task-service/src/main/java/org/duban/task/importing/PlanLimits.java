package org.duban.task.importing;

import jakarta.enterprise.context.ApplicationScoped;
import org.duban.platform.api.Problem;
import org.duban.platform.api.ProblemException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Refuses a plan over the configured limits ({@link ImportConfig}) before anything is resolved or
 * stored: a 413 problem that says, in the office's words, what was too big and that nothing was imported.
 */
@ApplicationScoped
public class PlanLimits {

    private final ImportConfig config;

    PlanLimits(ImportConfig config) {
        this.config = config;
    }

    /** An uploaded file of {@code bytes}. */
    public void checkDocument(long bytes) {
        long limit = config.maxDocumentSize().asLongValue();
        if (bytes > limit) {
            throw tooLarge("document", bytes + " bytes exceed the limit of " + limit,
                    "文件大小超过单次导入上限（" + size(limit) + "），未导入任何内容。请删除文件中与任务分工无关的内容，或拆分为多个文件分批导入。");
        }
    }

    /** The body as it is read: refused as soon as it passes the limit (a body sent without Content-Length, too). */
    public InputStream bounded(InputStream body) {
        long limit = config.maxDocumentSize().asLongValue();
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > limit) {
                    checkDocument(read);
                }
            }
        };
    }

    /** The tasks read from the document. */
    public void checkTasks(int tasks) {
        if (tasks > config.maxTasks()) {
            throw tooLarge("tasks", tasks + " tasks exceed the limit of " + config.maxTasks(),
                    "本次导入的任务分工共有" + tasks + "项任务，超过单次导入上限（" + config.maxTasks()
                            + "项），未导入任何内容。请将任务分工拆分为多个文件分批导入。");
        }
    }

    /** The assignments the resolved responsibility texts come to. */
    public void checkAssignments(int assignments) {
        if (assignments > config.maxAssignments()) {
            throw tooLarge("assignments", assignments + " assignments exceed the limit of " + config.maxAssignments(),
                    "按责任单位展开后，本次导入共有" + assignments + "条承办任务，超过单次导入上限（" + config.maxAssignments()
                            + "条），未导入任何内容。请将任务分工拆分为多个文件分批导入。");
        }
    }

    private static ProblemException tooLarge(String field, String message, String detail) {
        return new ProblemException(413, "plan-too-large", "Content too large", detail,
                List.of(new Problem.FieldError(field, message)));
    }

    private static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " 字节";
    }
}
