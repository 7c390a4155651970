package crdb.workshop.common.cli;

/**
 * Notices {@code ./mvnw compile exec:java} run at the root with no {@code -pl}: Maven would run
 * every lesson in turn, mixed with its own output. The parent pom tells whether any project was
 * picked with {@code -pl}: system property {@code workshop.selectedProjects} is "none=true" when
 * none was. Each lesson then stands aside; the first one says how to run a lesson.
 */
final class LessonSelection {

    private static final String PROPERTY = "workshop.selectedProjects";
    private static final String HINT_PRINTED = "workshop.lessonHintPrinted";

    private LessonSelection() {
    }

    /** True (after printing the hint once per JVM) when Maven was asked to run every lesson at once. */
    static boolean everyLessonAtOnce() {
        if (!"none=true".equals(System.getProperty(PROPERTY))) {
            return false;
        }
        if (System.getProperty(HINT_PRINTED) == null) {
            System.setProperty(HINT_PRINTED, "true"); // exec:java runs every lesson in Maven's one JVM
            System.out.println("Pick one lesson: ./mvnw -q -pl lessons/01-connect -am compile exec:java"
                    + " (the lessons are listed in docs/README.md).");
        }
        return true;
    }
}
