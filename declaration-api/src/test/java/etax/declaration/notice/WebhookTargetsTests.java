package etax.declaration.notice;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WebhookTargetsTests {

	private final WebhookTargets production = new WebhookTargets(false);

	private final WebhookTargets local = new WebhookTargets(true);

	@ParameterizedTest
	@ValueSource(strings = { "https://169.254.169.254/latest/meta-data/", "https://localhost:8082/x", "https://LOCALHOST./x",
			"https://api.localhost/x", "https://127.0.0.1/x", "https://10.0.0.8/x", "https://172.16.3.4/x",
			"https://192.168.1.1/x", "https://0.0.0.0/x", "https://100.64.0.1/x", "https://[::1]/x", "https://[fd00::1]/x",
			"https://[fe80::1]/x", "https://[::ffff:127.0.0.1]/x", "https://2130706433/x", "https://0x7f.1/x",
			"https://127.1/x", "https://999.1.1.1/x", "http://example.com/x", "https://exa mple.com/x", "https://a\u0000b/x",
			"https://user:secret@example.com/x", "ftp://example.com/x", "https:///x" })
	void refusesInternalAddressesAndWhatIsNoHttpsUrl(String url) {
		assertThatExceptionOfType(InvalidWebhookException.class).isThrownBy(() -> this.production.check(url));
	}

	@Test
	void refusesAUrlLongerThanTheLimit() {
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> this.production.check("https://example.com/" + "x".repeat(WebhookTargets.MAX_URL_LENGTH)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://example.com/hooks/etax", "https://203.0.113.9:8443/x", "https://[2001:db8::1]/x",
			"https://hooks.example.vn./x" })
	void acceptsHttpsToPublicHosts(String url) {
		assertThat(this.production.check(url)).isEqualTo(URI.create(url));
	}

	@Test
	void acceptsLoopbackOnlyWithTheLocalAllowanceAndPrivateAddressesNever() {
		assertThatNoException().isThrownBy(() -> this.local.check("http://localhost:8082/x"));
		assertThatNoException().isThrownBy(() -> this.local.check("https://127.0.0.1:8082/x"));
		assertThatExceptionOfType(InvalidWebhookException.class).isThrownBy(() -> this.local.check("http://example.com/x"));
		assertThatExceptionOfType(InvalidWebhookException.class)
			.isThrownBy(() -> this.local.check("https://169.254.169.254/latest/meta-data/"));
	}

	@Test
	void beforeADeliveryRefusesAHostThatResolvesToAnInternalAddress() {
		assertThatExceptionOfType(WebhookTargets.Refused.class)
			.isThrownBy(() -> this.production.requirePublic(URI.create("https://localhost/x")));
		assertThatExceptionOfType(WebhookTargets.Refused.class)
			.isThrownBy(() -> this.local.requirePublic(URI.create("https://10.1.2.3/x")));
		assertThatNoException().isThrownBy(() -> this.local.requirePublic(URI.create("http://localhost/x")));
	}

}
