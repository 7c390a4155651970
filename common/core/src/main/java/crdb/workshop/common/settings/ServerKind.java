package crdb.workshop.common.settings;

/** Where the database comes from, in the order the workspace tries them. */
public enum ServerKind {
    /** The server named by DATABASE_URL: CockroachDB Cloud, a local node, cockroach demo. */
    URL("url"),
    /** A single-node CockroachDB in a container, when a Docker engine answers. */
    COCKROACH_CONTAINER("cockroachdb"),
    /** An embedded PostgreSQL in SERIALIZABLE mode, standing in for CockroachDB. */
    EMBEDDED("embedded");

    private final String settingValue;

    ServerKind(String settingValue) {
        this.settingValue = settingValue;
    }

    /** The value of WORKSHOP_DATABASE that forces this kind. */
    public String settingValue() {
        return settingValue;
    }
}
