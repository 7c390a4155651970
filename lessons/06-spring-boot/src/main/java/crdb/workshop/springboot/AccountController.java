package crdb.workshop.springboot;

import crdb.workshop.common.mapper.Account;
import crdb.workshop.common.mapper.AccountMapper;
import crdb.workshop.springboot.retry.TransactionRetry;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /accounts/{id}}: the account's id and balance, or 404 as a problem detail. */
@RestController
public class AccountController {

    private final TransactionRetry retry;
    private final AccountMapper accounts;

    public AccountController(TransactionRetry retry, AccountMapper accounts) {
        this.retry = retry;
        this.accounts = accounts;
    }

    @GetMapping("/accounts/{id}")
    public Account account(@PathVariable("id") UUID id) {
        Account account = retry.read(() -> accounts.findById(id));
        if (account == null) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "unknown-account",
                    "No account " + id + ": check the id.");
            problem.setProperty("account", id);
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        return account;
    }
}
