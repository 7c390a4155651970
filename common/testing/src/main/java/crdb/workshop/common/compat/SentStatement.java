package crdb.workshop.common.compat;

/**
 * One SQL statement the main code can send, where it is written, and whether a database-id check
 * guards it where it is written (a vendor test earlier in the same Java member, or a mapper
 * statement's databaseId attribute).
 */
public record SentStatement(String where, String sql, boolean guardedByDatabaseId) {

    public SentStatement(String where, String sql) {
        this(where, sql, false);
    }

    /** The statement on one line, whitespace collapsed, for matching and for messages. */
    public String oneLine() {
        return sql.strip().replaceAll("\\s+", " ");
    }

    /** The file the statement is written in, without its folders: how the allow-list names it. */
    public String fileName() {
        String path = where.replaceFirst("[: ].*$", "");
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
