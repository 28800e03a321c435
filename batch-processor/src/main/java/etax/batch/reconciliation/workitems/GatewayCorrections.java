package etax.batch.reconciliation.workitems;

import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import etax.batch.BatchProcessorProperties;
import etax.batch.Problems;
import etax.batch.service.ServiceTokenException;
import etax.batch.service.ServiceTokens;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * payment-gateway's corrections, each step with the acting officer's own token, so that the gateway knows
 * both people rather than taking this service's word (ADR 0014, four eyes at the gateway): the resolving
 * officer proposes a correction request ({@code POST /api/v1/corrections/proposals}), a second officer
 * approves the same request ({@code POST /api/v1/corrections}). The request's id makes a retry safe; a failure says
 * whether the gateway may hold the request all the same (its answer lost). A request
 * rejected or withdrawn here is withdrawn there with this service's own token
 * ({@code POST /api/v1/corrections/proposals/{id}/withdrawal}): withdrawing moves no money, so the gateway takes
 * the service's word for it.
 */
@Component
class GatewayCorrections {

	private static final Logger log = LoggerFactory.getLogger(GatewayCorrections.class);

	private final RestClient client;

	private final ServiceTokens tokens;

	GatewayCorrections(BatchProcessorProperties properties, ServiceTokens tokens) {
		this.tokens = tokens;
		BatchProcessorProperties.Reconciliation settings = properties.reconciliation();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.gatewayTimeout()).build());
		requests.setReadTimeout(settings.gatewayTimeout());
		this.client = RestClient.builder().baseUrl(settings.gatewayUrl()).requestFactory(requests).build();
	}

	/**
	 * Proposes a request at the gateway, as the officer who decided it.
	 * @param request the request
	 * @param workItemId the work item it resolves
	 * @param authorization the resolving officer's {@code Authorization} header
	 * @throws CorrectionNotRecordedException when the gateway refused it or could not be reached
	 */
	void propose(CorrectionRequest request, long workItemId, String authorization) {
		send("/api/v1/corrections/proposals", "take as proposed", request, workItemId, authorization);
	}

	/**
	 * Records an approved request at the gateway: the same request its resolver proposed.
	 * @param request the request
	 * @param workItemId the work item it resolves
	 * @param authorization the approver's {@code Authorization} header
	 * @throws CorrectionNotRecordedException when the gateway refused it or could not be reached
	 */
	void record(CorrectionRequest request, long workItemId, String authorization) {
		send("/api/v1/corrections", "record", request, workItemId, authorization);
	}

	/**
	 * Withdraws a proposal at the gateway, as this service.
	 * @param correctionId the request's id
	 * @param reason why, for the gateway's record
	 * @return what the gateway answered, or empty when it could not answer now (unreachable, 5xx, no token, a token it
	 * refused again): the withdrawal is sent again later
	 */
	Optional<GatewayWithdrawal> withdraw(UUID correctionId, String reason) {
		try {
			return Optional.of(sendWithdrawal(correctionId, reason, true));
		}
		catch (ServiceTokenException | ResourceAccessException ex) {
			log.warn("Correction withdrawal not sent, it is sent again later correction={} cause={}", correctionId,
					ex.getMessage());
		}
		catch (RestClientResponseException ex) {
			int status = ex.getStatusCode().value();
			if (status >= 400 && status < 500 && status != 401 && status != 429) {
				log.warn("The gateway refused a correction withdrawal correction={} status={}", correctionId, status);
				return Optional.of(GatewayWithdrawal.REFUSED);
			}
			log.warn("The gateway could not withdraw a correction now, it is sent again later correction={} status={}",
					correctionId, status);
		}
		return Optional.empty();
	}

	private GatewayWithdrawal sendWithdrawal(UUID correctionId, String reason, boolean renewRefusedToken) {
		try {
			this.client.post()
				.uri("/api/v1/corrections/proposals/{id}/withdrawal", correctionId)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + this.tokens.current())
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("reason", reason))
				.retrieve()
				.toBodilessEntity();
			return GatewayWithdrawal.WITHDRAWN;
		}
		catch (RestClientResponseException ex) {
			ProblemDetail problem = problem(ex);
			String type = (problem != null && problem.getType() != null) ? problem.getType().toString() : "";
			if (ex.getStatusCode().value() == 409 && type.equals(Problems.TYPES + "correction-recorded")) {
				return GatewayWithdrawal.RECORDED;
			}
			if (ex.getStatusCode().value() == 404 && type.equals(Problems.TYPES + "correction-not-found")) {
				return GatewayWithdrawal.NOT_PROPOSED;
			}
			if (ex.getStatusCode().value() == 401 && renewRefusedToken && this.tokens.refused()) {
				return sendWithdrawal(correctionId, reason, false);
			}
			throw ex;
		}
	}

	private void send(String path, String action, CorrectionRequest request, long workItemId, String authorization) {
		Payload payload = new Payload(request.correctionId(), request.requestNumber(), request.kind().name(),
				request.bankCode(), request.bankReference(), request.lineNumber(), request.postingId(),
				request.treasuryCode(), Coding.of(request.paid(), request.currency()),
				Coding.of(request.corrected(), request.currency()), request.reason(),
				"reconciliation/work-items/" + workItemId, request.requestedBy());
		try {
			this.client.post()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, authorization)
				.contentType(MediaType.APPLICATION_JSON)
				.body(payload)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException ex) {
			ProblemDetail problem = problem(ex);
			String why = (problem != null && problem.getDetail() != null) ? ": " + problem.getDetail() : "";
			int status = ex.getStatusCode().value();
			throw new CorrectionNotRecordedException("The gateway refused to " + action + " correction request "
					+ request.requestNumber() + " (status " + status + ")" + why, status,
					(problem != null && problem.getType() != null) ? problem.getType().toString() : null,
					status >= 500, ex);
		}
		catch (ResourceAccessException ex) {
			throw new CorrectionNotRecordedException(
					"The gateway could not be reached for correction request " + request.requestNumber(), 0, null,
					!neverConnected(ex), ex);
		}
	}

	/**
	 * Whether the request never left: no connection was made, so the gateway cannot hold it. Any other failure (a
	 * read timeout above all) may have lost the answer of a gateway that took it.
	 */
	private static boolean neverConnected(ResourceAccessException ex) {
		return ex.contains(ConnectException.class) || ex.contains(HttpConnectTimeoutException.class);
	}

	private static @Nullable ProblemDetail problem(RestClientResponseException ex) {
		try {
			return ex.getResponseBodyAs(ProblemDetail.class);
		}
		catch (RuntimeException unreadable) {
			return null;
		}
	}

	record Payload(UUID correctionId, String requestNumber, String kind, String bankCode, String bankReference,
			@Nullable Integer lineNumber, @Nullable UUID postingId, @Nullable String treasuryCode, Coding paid,
			Coding corrected, String reason, String sourceReference, String requestedBy) {

	}

	record Coding(@Nullable String chapter, @Nullable String subItem, @Nullable String areaCode,
			@Nullable BigDecimal amount, @Nullable String currency) {

		static Coding of(CorrectionRequest.Coding coding, @Nullable String currency) {
			return new Coding(coding.chapter(), coding.subItem(), coding.areaCode(), coding.amount(), currency);
		}

	}

}
