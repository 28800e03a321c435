package etax.declaration.notice;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.HexFormat;

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
			"https://[fe80::1]/x", "https://[::ffff:127.0.0.1]/x", "https://[::ffff:10.0.0.1]/x", "https://[64:ff9b::a9fe:a9fe]/x", "https://2130706433/x", "https://0x7f.1/x",
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
	void aDeliveryResolvesTheHostOnceAndRefusesEveryInternalAddressItResolvesTo() throws Exception {
		for (String address : new String[] { "127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.0.7", "169.254.169.254",
				"0.0.0.0", "100.100.100.200", "192.0.0.192", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1",
				"fd00:ec2::254", "ff02::1" }) {
			WebhookTargets targets = new WebhookTargets(false, resolving(InetAddress.getByName(address)));
			assertThatExceptionOfType(WebhookTargets.Refused.class).as(address)
				.isThrownBy(() -> targets.resolve("hooks.example.vn"))
				.as("neither the address nor its kind: the filer reads it")
				.withMessage("hooks.example.vn resolves to no address the service calls (unknown, internal or reserved)");
		}
	}

	@Test
	void anIpv4AddressWrittenAsIpv6IsJudgedByTheIpv4AddressItCarries() throws Exception {
		// kept as IPv6 objects, as a resolver may hand them over: mapped, compatible, NAT64 and 6to4 forms
		for (String ipv6 : new String[] { "00000000000000000000ffff7f000001", "00000000000000000000ffffa9fea9fe",
				"0000000000000000000000000a000001", "0064ff9b0000000000000000c0a80001", "2002a9fea9fe00000000000000000000" }) {
			InetAddress address = Inet6Address.getByAddress(null, HexFormat.of().parseHex(ipv6), -1);
			assertThatExceptionOfType(WebhookTargets.Refused.class).as(ipv6)
				.isThrownBy(() -> new WebhookTargets(false, resolving(address)).resolve("hooks.example.vn"));
		}
		InetAddress publicMapped = Inet6Address.getByAddress(null,
				HexFormat.of().parseHex("00000000000000000000ffffcb007109"), -1);
		assertThat(new WebhookTargets(false, resolving(publicMapped)).resolve("hooks.example.vn"))
			.containsExactly(publicMapped);
	}

	@Test
	void oneInternalAddressAmongPublicOnesRefusesTheHostAndLoopbackNeedsTheLocalAllowance() throws Exception {
		InetAddress documentation = InetAddress.getByName("203.0.113.9");
		InetAddress loopback = InetAddress.getByName("127.0.0.1");
		InetAddress privateAddress = InetAddress.getByName("10.0.0.8");

		assertThatExceptionOfType(WebhookTargets.Refused.class)
			.isThrownBy(() -> new WebhookTargets(false, resolving(documentation, privateAddress)).resolve("a.example"))
			.withMessage("a.example resolves to no address the service calls (unknown, internal or reserved)");
		assertThatExceptionOfType(WebhookTargets.Refused.class)
			.isThrownBy(() -> new WebhookTargets(false, resolving(loopback)).resolve("rebound.example"))
			.withMessage("rebound.example resolves to no address the service calls (unknown, internal or reserved)");
		assertThat(new WebhookTargets(true, resolving(loopback)).resolve("rebound.example")).containsExactly(loopback);
		assertThatExceptionOfType(WebhookTargets.Refused.class)
			.isThrownBy(() -> new WebhookTargets(true, resolving(privateAddress)).resolve("a.example"));
		assertThat(new WebhookTargets(false, resolving(documentation)).resolve("a.example")).containsExactly(documentation);
		assertThatExceptionOfType(UnknownHostException.class)
			.isThrownBy(() -> new WebhookTargets(false, resolving()).resolve("nowhere.example"));
	}

	static HostResolver resolving(InetAddress... addresses) {
		return (host) -> addresses.clone();
	}

}
