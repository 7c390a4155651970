package crdb.workshop.common.compat;

/** One SQL statement the main code can send, and where it is written. */
record SentStatement(String where, String sql) {

    /** The statement on one line, whitespace collapsed, for matching and for messages. */
    String oneLine() {
        return sql.strip().replaceAll("\\s+", " ");
    }
}
