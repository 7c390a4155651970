package crdb.workshop.springboot.transfer;

import crdb.workshop.common.WorkshopException;
import java.util.UUID;

/**
 * A transfer the bank will not make, and why. Thrown before the transaction or inside it (which
 * rolls back whatever it wrote), so a refused request changes nothing. ProblemResponses turns the
 * reason into an HTTP status.
 */
public final class TransferRefusedException extends WorkshopException {

    public enum Reason { MISSING_KEY, INVALID_KEY, MISSING_ACCOUNT, INVALID_AMOUNT, SAME_ACCOUNT, UNKNOWN_ACCOUNT, INSUFFICIENT_FUNDS,
        KEY_REUSED }

    private final Reason reason;
    private final UUID account;

    private TransferRefusedException(Reason reason, UUID account, String message) {
        super(message);
        this.reason = reason;
        this.account = account;
    }

    public Reason reason() {
        return reason;
    }

    /** The account the refusal is about, or {@code null}. */
    public UUID account() {
        return account;
    }

    static TransferRefusedException missingKey() {
        return new TransferRefusedException(Reason.MISSING_KEY, null, "The Idempotency-Key header is missing: send a"
                + " new UUID with every new transfer, and the same one when you send that transfer again.");
    }

    static TransferRefusedException invalidKey(String key) {
        return new TransferRefusedException(Reason.INVALID_KEY, null, "The Idempotency-Key '" + key
                + "' is not a UUID: send one such as " + UUID.randomUUID() + ".");
    }

    static TransferRefusedException invalidAmount(long amount) {
        return new TransferRefusedException(Reason.INVALID_AMOUNT, null, "Cannot transfer $" + amount
                + ": the amount must be a positive whole number of dollars.");
    }

    static TransferRefusedException sameAccount(UUID account) {
        return new TransferRefusedException(Reason.SAME_ACCOUNT, account, "Cannot transfer from account " + account
                + " to itself: pick two different accounts.");
    }

    static TransferRefusedException missingAccount(String role) {
        return new TransferRefusedException(Reason.MISSING_ACCOUNT, null, "The transfer names no account to transfer "
                + role + ": send \"from\" and \"to\" account ids.");
    }

    static TransferRefusedException unknownAccount(UUID account) {
        return new TransferRefusedException(Reason.UNKNOWN_ACCOUNT, account, "No account " + account
                + ": check the id.");
    }

    static TransferRefusedException insufficientFunds(UUID account, long balance, long amount) {
        return new TransferRefusedException(Reason.INSUFFICIENT_FUNDS, account, "Insufficient funds in account "
                + account + ": balance $" + balance + ", transfer $" + amount + ".");
    }

    static TransferRefusedException keyReused(UUID key, TransferRequest recorded) {
        return new TransferRefusedException(Reason.KEY_REUSED, null, "Idempotency-Key " + key + " was used before,"
                + " for $" + recorded.amount() + " from " + recorded.from() + " to " + recorded.to()
                + ": send a new key with every new transfer.");
    }
}
