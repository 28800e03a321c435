package etax.batch.reconciliation.workitems;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.util.UUID;

import etax.batch.BatchProcessorProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * payment-gateway's {@code POST /api/v1/corrections}, called with the approving officer's own token, so
 * the gateway checks the approver itself. The request's id makes a retry safe.
 */
@Component
class GatewayCorrections {

	private final RestClient client;

	GatewayCorrections(BatchProcessorProperties properties) {
		BatchProcessorProperties.Reconciliation settings = properties.reconciliation();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(settings.gatewayTimeout()).build());
		requests.setReadTimeout(settings.gatewayTimeout());
		this.client = RestClient.builder().baseUrl(settings.gatewayUrl()).requestFactory(requests).build();
	}

	/**
	 * Records an approved request at the gateway.
	 * @param request the request
	 * @param workItemId the work item it resolves
	 * @param authorization the approver's {@code Authorization} header
	 * @throws CorrectionNotRecordedException when the gateway refused it or could not be reached
	 */
	void record(CorrectionRequest request, long workItemId, String authorization) {
		Payload payload = new Payload(request.correctionId(), request.requestNumber(), request.kind().name(),
				request.bankCode(), request.bankReference(), request.lineNumber(), request.postingId(),
				request.treasuryCode(), Coding.of(request.paid(), request.currency()),
				Coding.of(request.corrected(), request.currency()), request.reason(),
				"reconciliation/work-items/" + workItemId, request.requestedBy());
		try {
			this.client.post()
				.uri("/api/v1/corrections")
				.header(HttpHeaders.AUTHORIZATION, authorization)
				.contentType(MediaType.APPLICATION_JSON)
				.body(payload)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException ex) {
			throw new CorrectionNotRecordedException("The gateway refused correction request " + request.requestNumber()
					+ " with status " + ex.getStatusCode().value(), ex.getStatusCode().value(), problemType(ex), ex);
		}
		catch (ResourceAccessException ex) {
			throw new CorrectionNotRecordedException(
					"The gateway could not be reached for correction request " + request.requestNumber(), 0, null, ex);
		}
	}

	private static @Nullable String problemType(RestClientResponseException ex) {
		try {
			ProblemDetail problem = ex.getResponseBodyAs(ProblemDetail.class);
			return (problem != null) ? problem.getType().toString() : null;
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
