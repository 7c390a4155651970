package crdb.workshop.common.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The instructor command's verdict over every lesson ({@code -Dinstructor}): each lesson prints its
 * table and goes on; the last project of the build says which lessons' required TODOs did not all
 * pass and exits non-zero if any. The lessons' exercise commands run one after another in Maven's
 * one JVM, each in a class loader of its own, and exec:java restores the system properties after
 * each; so they share the counts through a file in the temporary folder named after that JVM.
 */
final class InstructorRun {

    private InstructorRun() {
    }

    /** One line per lesson, "01-connect=2/2": its "Required TODOs passed" in this Maven run (this JVM). */
    static Path countsFile() {
        return Path.of(System.getProperty("java.io.tmpdir"), "workshop-instructor-" + ProcessHandle.current().pid()
                + "-" + ManagementFactory.getRuntimeMXBean().getStartTime() + ".txt");
    }

    static void add(ExerciseTable.LessonCount count) {
        try {
            Files.writeString(countsFile(), count.lesson() + "=" + count.passed() + "/" + count.required() + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not note lesson " + count.lesson() + "'s count in " + countsFile(), e);
        }
    }

    /**
     * Whether {@code module} is the build's last project. {@code reactor} is the parent pom's
     * {@code ${session.projects}}: "[MavenProject: g:a:v @ /path/pom.xml, ...]", in build order.
     */
    static boolean isLast(Path module, String reactor) {
        return reactor.strip().endsWith(module.resolve("pom.xml") + "]");
    }

    /** Prints the verdict's last lines; returns the exit status: 0 when every lesson's required TODOs all passed. */
    static int finish(PrintStream out, String tested) {
        List<String> lessons = new ArrayList<>();
        List<String> notPassed = new ArrayList<>();
        List<String> entries;
        try {
            entries = Files.exists(countsFile()) ? Files.readAllLines(countsFile()) : List.of();
            Files.deleteIfExists(countsFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the lessons' counts from " + countsFile(), e);
        }
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            String lesson = entry.substring(0, entry.indexOf('='));
            String[] count = entry.substring(entry.indexOf('=') + 1).split("/");
            lessons.add(lesson + " " + count[0] + " of " + count[1]);
            if (!count[0].equals(count[1])) {
                notPassed.add(lesson);
            }
        }
        out.println();
        if (lessons.isEmpty()) {
            out.println("Instructor run: no exercise tests ran, so nothing was tested.");
            return 2;
        }
        out.println("Instructor run, tested " + tested + "; required TODOs passed: " + String.join(", ", lessons) + ".");
        if (notPassed.isEmpty()) {
            out.println("Every required TODO of every lesson passed.");
            return 0;
        }
        out.println("Required TODOs not all passed in " + notPassed.stream().collect(Collectors.joining(", "))
                + ": exit status 1.");
        return 1;
    }
}
