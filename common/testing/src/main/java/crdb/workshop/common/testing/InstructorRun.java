package crdb.workshop.common.testing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The instructor command's verdict over every lesson ({@code -Dinstructor}): each lesson prints its
 * table and goes on; the last project of the build says which lessons' required TODOs did not all
 * pass and exits non-zero if any. The lessons' exercise commands run one after another in Maven's
 * one JVM, each in a class loader of its own, so what they share is that JVM's system properties.
 */
final class InstructorRun {

    /** "01-connect=2/2,02-crud=0/3": each lesson's "Required TODOs passed" so far in this build. */
    static final String COUNTS = "workshop.instructor.counts";

    private InstructorRun() {
    }

    static void add(ExerciseTable.LessonCount count) {
        String entry = count.lesson() + "=" + count.passed() + "/" + count.required();
        String before = System.getProperty(COUNTS, "");
        System.setProperty(COUNTS, before.isEmpty() ? entry : before + "," + entry);
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
        for (String entry : System.getProperty(COUNTS, "").split(",")) {
            if (entry.isEmpty()) {
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
