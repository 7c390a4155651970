package crdb.workshop.springboot;

import crdb.workshop.common.WorkshopException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lesson 06's own flags. {@code --serve} keeps the service running on loopback; listening on any
 * other address takes {@code --serve-on=ADDRESS}, because the API has no authentication.
 *
 * @param untilEnter whether to keep serving after the lesson, until Enter is pressed
 * @param address    where the service listens (127.0.0.1 unless --serve-on says otherwise)
 * @param rest       the flags every lesson takes (--echo-sql, --verbose), for LessonRunner
 */
record ServeOptions(boolean untilEnter, String address, String[] rest) {

    static final String HELP = """
            Lesson 06 options:
              --serve              after the lesson, keep the service running on 127.0.0.1 (this machine only)
                                   until you press Enter
              --serve-on=ADDRESS   the same, listening on ADDRESS instead (0.0.0.0: every network interface).
                                   The API has no authentication: anyone who can reach the port can read
                                   balances and post transfers. Use it only on a network you trust.
              --echo-sql           print every SQL statement
              --verbose            stack traces on failure""";

    static ServeOptions parse(String... args) {
        boolean serve = false;
        String address = "127.0.0.1";
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--serve")) {
                serve = true;
            } else if (arg.startsWith("--serve-on=")) {
                serve = true;
                address = arg.substring("--serve-on=".length()).strip();
                if (address.isEmpty() || !address.matches("[0-9A-Za-z.:%-]+")) {
                    throw new WorkshopException("--serve-on needs an IP address or host name, such as"
                            + " --serve-on=0.0.0.0 (every interface); --help lists the options.");
                }
            } else {
                rest.add(arg);
            }
        }
        return new ServeOptions(serve, address, rest.toArray(String[]::new));
    }

    /** The service's URL on {@code port}, with the address it listens on (brackets for IPv6). */
    String url(String port) {
        return "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    }
}
