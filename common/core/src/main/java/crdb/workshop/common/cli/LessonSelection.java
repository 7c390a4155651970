package crdb.workshop.common.cli;

/**
 * Notices {@code ./mvnw compile exec:java} run at the root with no {@code -pl}: Maven would run
 * every lesson in turn, mixed with its own output. The parent pom tells whether any project was
 * picked with {@code -pl}: system property {@code workshop.selectedProjects} is "none=true" when
 * none was. Each lesson then stands aside; the first one says how to run a lesson.
 */
final class LessonSelection {

    private static final String PROPERTY = "workshop.selectedProjects";
    private static final String PROJECT = "workshop.project";

    private LessonSelection() {
    }

    /** True when Maven was asked to run every lesson at once; lesson 01 then prints how to run one. */
    static boolean everyLessonAtOnce() {
        if (!"none=true".equals(System.getProperty(PROPERTY))) {
            return false;
        }
        // exec:java restores system properties after each lesson, so no flag survives from one
        // lesson to the next: the first lesson in the reactor (always lesson 01) speaks for all.
        if ("lesson-01-connect".equals(System.getProperty(PROJECT))) {
            System.out.println("Pick one lesson: ./mvnw -q -pl lessons/01-connect -am compile exec:java"
                    + " (the lessons are listed in docs/README.md).");
        }
        return true;
    }
}
