package etax.batch.service;

import etax.batch.BatchProcessorProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.stereotype.Component;

/**
 * The bearer token batch-processor calls the other services with, as a SERVICE: it files bulk submissions' items at
 * declaration-api (docs/adr/0013-bulk-filing.md) and withdraws correction proposals at payment-gateway
 * (docs/adr/0014-reconciliation.md); every service takes the one audience's tokens. With
 * the client registration {@value #REGISTRATION} ({@code spring.security.oauth2.client.registration.declaration-api},
 * grant {@code client_credentials}) it is fetched from the identity provider and fetched again before it expires
 * (Spring Security's client-credentials provider, a minute's skew) and when declaration-api refuses it; the local run
 * does so from the dev stack's token endpoint. Without one, a static token ({@code etax.batch.bulk.declaration-api.
 * token}) is used as it is: for tests, which mint their own.
 */
@Component
public class ServiceTokens {

	/** The client registration the token is fetched with (its name is older than its second use). */
	public static final String REGISTRATION = "declaration-api";

	private static final String PRINCIPAL = "batch-processor";

	private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

	private final String staticToken;

	private final @Nullable OAuth2AuthorizedClientManager clients;

	private final @Nullable OAuth2AuthorizedClientService authorized;

	@Autowired
	ServiceTokens(BatchProcessorProperties properties, ObjectProvider<ClientRegistrationRepository> registrations) {
		this(properties.bulk().declarationApi().token(), registrations.getIfAvailable());
	}

	/**
	 * @param staticToken the token to use without a client registration (tests mint their own)
	 * @param registrations the client registrations, if any
	 */
	public ServiceTokens(String staticToken, @Nullable ClientRegistrationRepository registrations) {
		this.staticToken = staticToken;
		if (registrations == null || registrations.findByRegistrationId(REGISTRATION) == null) {
			this.authorized = null;
			this.clients = null;
			return;
		}
		this.authorized = new InMemoryOAuth2AuthorizedClientService(registrations);
		AuthorizedClientServiceOAuth2AuthorizedClientManager manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(
				registrations, this.authorized);
		manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().clientCredentials().build());
		this.clients = manager;
	}

	/**
	 * @return the token to send now
	 * @throws ServiceTokenException when there is none, or the identity provider cannot issue one now
	 */
	public String current() {
		if (this.clients == null) {
			if (this.staticToken.isBlank()) {
				throw new ServiceTokenException("No token for declaration-api: neither the client registration "
						+ REGISTRATION + " nor etax.batch.bulk.declaration-api.token");
			}
			return this.staticToken;
		}
		try {
			OAuth2AuthorizedClient client = this.clients
				.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL).build());
			if (client == null) {
				throw new ServiceTokenException("The client registration " + REGISTRATION + " issues no token");
			}
			return client.getAccessToken().getTokenValue();
		}
		catch (OAuth2AuthorizationException ex) {
			// the error code only: the provider's description is its own text
			throw new ServiceTokenException("No token from the identity provider: " + ex.getError().getErrorCode(),
					unavailable(ex));
		}
	}

	/** Unreachable or failing itself: its answer to a refused client is an OAuth 2.0 error, not a 5xx. */
	private static boolean unavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof ResourceAccessException || cause instanceof HttpServerErrorException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Forgets a token a service refused (revoked, or a key rotated), so that the next {@link #current} fetches
	 * another.
	 * @return whether another may be fetched: false for a static token
	 */
	public boolean refused() {
		if (this.authorized == null || this.clients == null) {
			return false;
		}
		log.warn("A service refused the service token, fetching another");
		this.authorized.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
		return true;
	}

}
