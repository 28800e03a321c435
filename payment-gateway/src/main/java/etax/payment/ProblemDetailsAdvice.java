package etax.payment;

import java.net.URI;
import java.util.stream.Collectors;

import etax.access.FrameworkProblems;
import etax.payment.arrears.ArrearsMonthNotOverException;
import etax.payment.arrears.ArrearsNoticeNotFoundException;
import etax.payment.confirmation.AlreadyRedrivenException;
import etax.payment.confirmation.BankMismatchException;
import etax.payment.confirmation.BrokerUnavailableException;
import etax.payment.confirmation.ConfirmationNotFoundException;
import etax.payment.confirmation.ConfirmationRefusedException;
import etax.payment.confirmation.MessageTooLargeException;
import etax.payment.confirmation.NotRedrivableException;
import etax.payment.confirmation.RedriveChangesPaymentException;
import etax.payment.confirmation.RejectionNotFoundException;
import etax.payment.ledger.CreditRequestRefusedException;
import etax.payment.ledger.TaxpayerNotFoundException;
import etax.payment.ledger.VoucherItemsNotOpenException;
import etax.payment.overpayment.OverpaymentRefusedException;
import etax.payment.overpayment.OverpaymentRequestNotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the gateway's domain exceptions into RFC 9457 problems with a stable type; framework errors
 * are already problems through the base class, and get a stable type too ({@link FrameworkProblems}).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	static final String PROBLEM_BASE = "https://etax.example/problems/";

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	/** How long a bank waits before it sends again what the broker did not take. */
	private static final int BROKER_RETRY_AFTER_SECONDS = 5;

	@ExceptionHandler
	ProblemDetail handle(ConfirmationNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "confirmation-not-found", "Confirmation not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(TaxpayerNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "taxpayer-not-found", "Taxpayer not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(VoucherItemsNotOpenException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "voucher-items-not-open",
				"Nothing owed on these items", ex.getMessage());
		problem.setProperty("items", ex.items());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handle(RejectionNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "rejection-not-found", "Rejected message not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(AlreadyRedrivenException ex) {
		return problem(HttpStatus.CONFLICT, "already-redriven", "Already re-driven", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(NotRedrivableException ex) {
		return problem(HttpStatus.CONFLICT, "not-redrivable", "Cannot be re-driven", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(RedriveChangesPaymentException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "redrive-changes-payment",
				"The correction changes the payment", ex.getMessage());
		problem.setProperty("changed", ex.changed());
		return problem;
	}

	/** A month whose arrears notices may not be issued yet: a notice issued then would stay wrong for good. */
	@ExceptionHandler
	ProblemDetail handle(ArrearsMonthNotOverException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "arrears-month-not-over", "The month is not over",
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(ArrearsNoticeNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "arrears-notice-not-found", "Arrears notice not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(MessageTooLargeException ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Message too large", ex.getMessage());
	}

	/** A 503 with {@code Retry-After}, not the container's 500: the bank may and should send it again. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> handle(BrokerUnavailableException ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		log.warn("Confirmation not published, the broker did not take it failure={}", cause.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(BROKER_RETRY_AFTER_SECONDS))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "broker-unavailable", "Broker unavailable", ex.getMessage()));
	}

	@ExceptionHandler
	ProblemDetail handle(BankMismatchException ex) {
		return problem(HttpStatus.FORBIDDEN, "bank-mismatch", "Not the caller's bank", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(ConfirmationRefusedException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-confirmation",
				"Invalid confirmation", ex.getMessage());
		problem.setProperty("reason", ex.reason());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail handle(OverpaymentRequestNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "overpayment-request-not-found", "Overpayment request not found",
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail handle(OverpaymentRefusedException ex) {
		String detail = ex.getMessage();
		return switch (ex.reason()) {
			case INVALID -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-overpayment-request",
					"Invalid overpayment request", detail);
			case APPROVER_REQUIRED -> problem(HttpStatus.FORBIDDEN, "approver-required", "An approver is required", detail);
			case SAME_OFFICER ->
				problem(HttpStatus.FORBIDDEN, "four-eyes", "The officer who recorded it cannot decide it", detail);
			case DECIDED -> problem(HttpStatus.CONFLICT, "overpayment-request-decided",
					"The overpayment request is decided already", detail);
			case OUTSIDE_OFFICE ->
				problem(HttpStatus.FORBIDDEN, "outside-tax-office", "The credit is another tax office's", detail);
			case RECORDED_OTHERWISE -> problem(HttpStatus.CONFLICT, "overpayment-request-exists",
					"The document recorded this request otherwise", detail);
		};
	}

	/** What the ledger would not carry out of a taxpayer's request about its credit (01/ĐNXLNT). */
	@ExceptionHandler
	ProblemDetail handle(CreditRequestRefusedException ex) {
		String detail = ex.getMessage();
		return switch (ex.reason()) {
			case CREDIT_NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "credit-not-found", "Credit not found", detail);
			case CREDIT_NOT_GENERAL -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "credit-not-general",
					"The credit waits for an item or for officers", detail);
			case EXCEEDS_CREDIT -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "amount-exceeds-credit",
					"More than the credit has left", detail);
			case TIME_BARRED -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "credit-time-barred",
					"The credit was paid more than ten years ago", detail);
			case ITEM_NOT_FOUND -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "obligation-not-found",
					"The payable item is not booked", detail);
			case ITEM_NOT_OPEN -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "obligation-not-open",
					"The payable item owes less than the amount", detail);
			case CREDIT_NOT_POSTED -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "credit-not-posted",
					"The treasury has not posted the credit's money", detail);
			case CREDIT_BEING_REVERSED -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "credit-being-reversed",
					"The credit's money goes back to the payer", detail);
		};
	}

	/**
	 * A request body that breaks its constraints: the detail names each field and what it must be, for the
	 * caller to show, instead of the framework's "Invalid request content."
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String fields = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		if (!fields.isEmpty()) {
			ex.getBody().setDetail("The request body is invalid: " + fields);
		}
		return super.handleMethodArgumentNotValid(ex, headers, status, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		return FrameworkProblems.typed(super.handleExceptionInternal(ex, body, headers, statusCode, request), statusCode);
	}

	static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEM_BASE + slug));
		problem.setTitle(title);
		return problem;
	}

}
