import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the Surefire reports the last build left (every module's target/surefire-reports) and
 * prints the totals and every skipped test, grouped by the reason its assumption gave. Run with
 * the JDK alone, no build: java .ci/SkippedTests.java
 * (The stub check's reports, in surefire-reports-stubs, are left out: those tests fail on purpose.)
 */
public class SkippedTests {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Path> reports;
        try (Stream<Path> files = Files.walk(root)) {
            reports = files.filter(p -> p.getParent() != null && p.getParent().endsWith("target/surefire-reports"))
                    .filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
                    .sorted()
                    .toList();
        }
        int tests = 0, failures = 0, errors = 0;
        Map<String, List<String>> skippedByReason = new TreeMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        for (Path report : reports) {
            NodeList cases = factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                Element test = (Element) cases.item(i);
                tests++;
                String name = shortClass(test.getAttribute("classname")) + "." + test.getAttribute("name");
                if (test.getElementsByTagName("failure").getLength() > 0) {
                    failures++;
                } else if (test.getElementsByTagName("error").getLength() > 0) {
                    errors++;
                } else if (test.getElementsByTagName("skipped").getLength() > 0) {
                    skippedByReason.computeIfAbsent(reason((Element) test.getElementsByTagName("skipped").item(0)),
                            r -> new ArrayList<>()).add(name);
                }
            }
        }
        int skipped = skippedByReason.values().stream().mapToInt(List::size).sum();
        if (skipped > 0) {
            System.out.println("Skipped tests, by reason:");
            skippedByReason.forEach((reason, names) -> {
                System.out.println("- " + reason);
                names.forEach(n -> System.out.println("    " + n));
            });
        }
        System.out.printf("%d tests in %d Surefire reports.%n", tests, reports.size());
        System.out.printf("Tests: %d passed, %d failed, %d skipped%n",
                tests - failures - errors - skipped, failures + errors, skipped);
    }

    /** The assumption's message: an attribute, or the first line of the trace Surefire kept. */
    private static String reason(Element skipped) {
        String reason = skipped.getAttribute("message");
        if (reason.isBlank()) {
            reason = skipped.getTextContent().strip().lines().findFirst().orElse("");
        }
        reason = reason.replaceFirst("^org\\.opentest4j\\.TestAbortedException: ", "")
                .replaceFirst("^Assumption failed: ", "");
        return reason.isBlank() ? "(no reason given)" : reason;
    }

    private static String shortClass(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
