package crdb.workshop.springboot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** {@code --serve}: curl commands to try, then the service keeps running until Enter is pressed. */
final class ServingUntilEnter {

    private ServingUntilEnter() {
    }

    static void serve(String url, String address, UUID first, UUID second, InputStream untilEnter, PrintStream out)
            throws IOException {
        if (!address.equals("127.0.0.1") && !address.equals("::1") && !address.equals("localhost")) {
            out.println("Listening on " + address + " WITHOUT authentication: anyone who can reach this port can read"
                    + " balances and post transfers.");
        }
        out.println("The service keeps running. Try it from another terminal:");
        out.println();
        out.println("  curl -s " + url + "/accounts/" + first);
        out.println("  curl -si -X POST " + url + "/transfers -H 'Content-Type: application/json' \\");
        out.println("       -H 'Idempotency-Key: " + UUID.randomUUID() + "' \\");
        out.println("       -d '{\"from\":\"" + first + "\",\"to\":\"" + second + "\",\"amount\":100}'");
        out.println("  curl -s " + url + "/actuator/metrics/bank.transaction.retries");
        out.println();
        out.println("Send the POST twice: the second answer is the first one, replayed. Change the amount and");
        out.println("send it with the same key: 422. Press Enter here to stop (the two accounts are deleted).");
        new BufferedReader(new InputStreamReader(untilEnter, StandardCharsets.UTF_8)).readLine();
    }
}
