package etax.batch.console;

import java.net.http.HttpClient;
import java.time.Duration;

import etax.batch.BatchProcessorProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Calls to the other services on the signed-in officer's behalf: the officer's own token goes along, so
 * those services decide with their own rules what the officer may see and do.
 */
@Component
public class OfficerClients {

	private final RestClient gateway;

	private final RestClient declarations;

	OfficerClients(BatchProcessorProperties properties) {
		RestClient.Builder builder = RestClient.builder();
		Duration timeout = properties.reconciliation().gatewayTimeout();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).build());
		requests.setReadTimeout(timeout);
		this.gateway = builder.clone()
			.requestFactory(requests)
			.baseUrl(properties.reconciliation().gatewayUrl())
			.build();
		this.declarations = builder.clone()
			.requestFactory(requests)
			.baseUrl(properties.bulk().declarationApi().url().toString())
			.build();
	}

	/** @return payment-gateway, with the officer's token */
	public RestClient gateway() {
		return signed(this.gateway);
	}

	/** @return declaration-api, with the officer's token */
	public RestClient declarations() {
		return signed(this.declarations);
	}

	private static RestClient signed(RestClient client) {
		String bearer = ConsoleAuthentication.current().bearer();
		return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, bearer).build();
	}

}
