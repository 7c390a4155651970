package crdb.workshop.crud;

import crdb.workshop.common.mapper.Account;

/** A transfer that was written: both accounts as they were before it, and the amount moved. */
record CompletedTransfer(Account source, Account destination, long amount) {

    long sourceBalanceAfter() {
        return source.balance() - amount;
    }

    long destinationBalanceAfter() {
        return destination.balance() + amount;
    }
}
