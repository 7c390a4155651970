package crdb.workshop.common.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Collects every statement the main code of the workspace can send, in every module's src/main
 * wherever the module lives (lessons, benchmark rigs, test support alike): the statements of mapper
 * XML files, the string literals of main Java code that read as SQL (annotations such as
 * {@code @Select} and JDBC strings alike; literals joined by {@code +} count as one), and the schema
 * scripts, dbinit.sql included. Each statement says whether a database-id check guards it: a
 * vendor test ({@code isCockroachDb()}, {@code Vendor.POSTGRESQL}, {@code databaseId}) earlier in
 * the same Java member, or a mapper statement's {@code databaseId} attribute. This package's own
 * patterns are left out.
 */
public final class SentStatements {

    private static final Set<String> MAPPER_STATEMENTS = Set.of("select", "insert", "update", "delete", "sql");
    private static final Pattern JOINED = Pattern.compile("\\s*\\+\\s*");
    private static final Pattern READS_AS_SQL = Pattern.compile("(?is)^\\s*\\(?\\s*(SELECT|INSERT|UPDATE|DELETE"
            + "|UPSERT|WITH|CREATE|ALTER|DROP|SET|SHOW|RESET|LISTEN|NOTIFY|UNLISTEN|COPY|EXPLAIN|LOCK|TRUNCATE"
            + "|BEGIN|START\\s+TRANSACTION|SAVEPOINT|RELEASE|CANCEL|GRANT|REVOKE|VACUUM|ANALYZE|CALL|COMMENT\\s+ON"
            + "|REFRESH|DISCARD)\\b.*");
    private static final Pattern DATABASE_ID_CHECK = Pattern.compile(
            "\\bisCockroachDb\\s*\\(\\)|\\bVendor\\.(COCKROACHDB|POSTGRESQL)\\b|\\bdatabaseId\\b");
    /** A member of a class (or its first annotation), as the workspace formats them: four spaces in, not a brace or a comment. */
    private static final Pattern MEMBER_START = Pattern.compile("\n    (?![ }/*])");
    private static final String OWN_PACKAGE = "/crdb/workshop/common/compat/";

    private SentStatements() {
    }

    public static List<SentStatement> in(Path root) {
        List<SentStatement> statements = new ArrayList<>(fromSqlScript(root, root.resolve("dbinit.sql")));
        for (Path file : mainSources(root)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".java")) {
                statements.addAll(fromJava(root, file));
            } else if (name.endsWith(".xml") && file.toString().contains("/src/main/resources/")) {
                statements.addAll(fromMapperXml(root, file));
            } else if (name.endsWith(".sql")) {
                statements.addAll(fromSqlScript(root, file));
            }
        }
        return statements;
    }

    private static List<Path> mainSources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> {
                        String path = root.relativize(file).toString().replace('\\', '/');
                        return path.contains("/src/main/") && !path.contains(OWN_PACKAGE)
                                && !path.contains("/target/") && !path.startsWith(".");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<SentStatement> fromSqlScript(Path root, Path file) {
        List<SentStatement> statements = new ArrayList<>();
        String text = read(file).replaceAll("--[^\n]*", "");
        for (String sql : text.split(";")) {
            if (!sql.isBlank()) {
                statements.add(new SentStatement(root.relativize(file).toString(), sql));
            }
        }
        return statements;
    }

    static List<SentStatement> fromMapperXml(Path root, Path file) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Mapper files name MyBatis' DTD by URL: never fetch it.
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            document = builder.parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!"mapper".equals(document.getDocumentElement().getTagName())) {
            return List.of();
        }
        List<SentStatement> statements = new ArrayList<>();
        NodeList children = document.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && MAPPER_STATEMENTS.contains(element.getTagName())) {
                statements.add(new SentStatement(root.relativize(file) + " id=" + element.getAttribute("id"),
                        element.getTextContent(), !element.getAttribute("databaseId").isEmpty()));
            }
        }
        return statements;
    }

    /** The string literals and text blocks of a Java file that read as SQL, comments skipped, {@code "a" + "b"} joined. */
    static List<SentStatement> fromJava(Path root, Path file) {
        return literals(root, file).stream().filter(s -> READS_AS_SQL.matcher(s.sql()).matches()).toList();
    }

    private static List<SentStatement> literals(Path root, Path file) {
        String source = read(file);
        List<SentStatement> statements = new ArrayList<>();
        StringBuilder current = null;
        int currentStart = 0;
        int endOfLast = -1;
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = Math.max(source.indexOf('\n', i), i + 1);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (c == '\'') {
                i = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) + 1 : i + 3;
            } else if (c == '"') {
                boolean textBlock = source.startsWith("\"\"\"", i);
                int start = textBlock ? source.indexOf('\n', i) + 1 : i + 1;
                int end = textBlock ? source.indexOf("\"\"\"", start) : closingQuote(source, start);
                String literal = source.substring(start, end);
                boolean joined = current != null && JOINED.matcher(source.substring(endOfLast, i)).matches();
                if (!joined) {
                    if (current != null) {
                        statements.add(statement(root, file, source, currentStart, current));
                    }
                    current = new StringBuilder();
                    currentStart = i;
                }
                current.append(literal);
                i = end + (textBlock ? 3 : 1);
                endOfLast = i;
            } else {
                i++;
            }
        }
        if (current != null) {
            statements.add(statement(root, file, source, currentStart, current));
        }
        return statements;
    }

    private static SentStatement statement(Path root, Path file, String source, int start, CharSequence sql) {
        return new SentStatement(where(root, file, lineOf(source, start)), sql.toString(), guarded(source, start));
    }

    /** Whether a database-id check comes before {@code index} in the member (method, field) that holds it. */
    static boolean guarded(String source, int index) {
        int member = 0;
        Matcher m = MEMBER_START.matcher(source);
        while (m.find() && m.start() < index) {
            member = m.start();
        }
        return DATABASE_ID_CHECK.matcher(source.substring(member, index)).find();
    }

    private static int closingQuote(String source, int from) {
        for (int i = from; i < source.length(); i++) {
            if (source.charAt(i) == '\\') {
                i++;
            } else if (source.charAt(i) == '"') {
                return i;
            }
        }
        throw new IllegalStateException("unclosed string literal");
    }

    private static int lineOf(String source, int index) {
        return (int) source.substring(0, index).chars().filter(ch -> ch == '\n').count() + 1;
    }

    private static String where(Path root, Path file, int line) {
        return root.relativize(file) + ":" + line;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
