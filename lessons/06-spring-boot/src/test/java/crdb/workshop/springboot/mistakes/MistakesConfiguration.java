package crdb.workshop.springboot.mistakes;

import crdb.workshop.common.retry.FailureClassifier;
import crdb.workshop.springboot.retry.RetryMetrics;
import crdb.workshop.springboot.retry.RetrySettings;
import crdb.workshop.springboot.retry.TransactionRetry;
import crdb.workshop.springboot.transfer.Ledger;
import crdb.workshop.springboot.transfer.TransferOutcome;
import crdb.workshop.springboot.transfer.TransferRefusedException;
import crdb.workshop.springboot.transfer.TransferRequest;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The deliberately broken beans, their annotation-way fix, and {@code POST
 * /mistakes/{kind}/transfers} to send load through each (kind: retry-inside-transaction,
 * self-invocation, retryable). Test code only; not annotated, so the service's component scan
 * never finds it ({@link crdb.workshop.springboot.BankServiceTest} names it).
 */
@EnableResilientMethods
public class MistakesConfiguration {

    @Bean
    RetryInsideTransaction retryInsideTransaction(RetrySettings settings, RetryMetrics metrics, Ledger ledger) {
        return new RetryInsideTransaction(TransactionRetry.template(settings, metrics, true), ledger);
    }

    @Bean
    SelfInvokingTransfers selfInvokingTransfers(RetrySettings settings, RetryMetrics metrics, Ledger ledger) {
        return new SelfInvokingTransfers(TransactionRetry.template(settings, metrics, true), ledger);
    }

    @Bean
    RetryableTransfers.TransactionalTransfers transactionalTransfers(Ledger ledger) {
        return new RetryableTransfers.TransactionalTransfers(ledger);
    }

    @Bean
    RetryableTransfers retryableTransfers(RetryableTransfers.TransactionalTransfers transactional) {
        return new RetryableTransfers(transactional);
    }

    @Bean
    RouterFunction<ServerResponse> mistakeRoutes(RetryInsideTransaction retryInside, SelfInvokingTransfers selfInvoking,
            RetryableTransfers retryable) {
        return RouterFunctions.route()
                .POST("/mistakes/retry-inside-transaction/transfers",
                        request -> answer(request, retryInside::transfer))
                .POST("/mistakes/self-invocation/transfers", request -> answer(request, selfInvoking::transfer))
                .POST("/mistakes/retryable/transfers", request -> answer(request, retryable::transfer))
                .build();
    }

    private interface Transfers {
        TransferOutcome transfer(UUID key, TransferRequest transfer);
    }

    private static ServerResponse answer(ServerRequest request, Transfers transfers) throws Exception {
        UUID key = UUID.fromString(request.headers().firstHeader("Idempotency-Key"));
        TransferRequest transfer = request.body(TransferRequest.class);
        try {
            return ServerResponse.status(HttpStatus.CREATED).body(transfers.transfer(key, transfer).receipt());
        } catch (TransferRefusedException refused) {
            return ServerResponse.status(HttpStatus.CONFLICT)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage()));
        } catch (RuntimeException failed) {
            HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, failed.getClass().getSimpleName());
            problem.setProperty("sqlstate", FailureClassifier.sqlState(failed));
            return ServerResponse.status(status).body(problem);
        }
    }
}
