package etax.declaration.notice;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where the service may send a filer's notices. A webhook is a URL the filer chooses and the service calls
 * from inside its network: one that names or resolves to a loopback, private, link-local, unique-local,
 * shared (carrier-grade NAT), multicast or unspecified address would let a filer make the service call
 * internal systems (SSRF: a cloud's metadata endpoint at 169.254.169.254, an actuator on localhost), so it is
 * refused, by name and literal address at registration ({@link #check}), and again by what the host resolves
 * to before each delivery ({@link #requirePublic}), since a name may resolve differently later. Only with
 * {@code etax.declaration.webhooks.allow-plain-http-localhost} (local runs, tests, benchmarks) are loopback
 * receivers accepted, over {@code http} too. The check before a delivery and the connection resolve the
 * name separately: a name that flips between the two (DNS rebinding) is not caught; the network's egress
 * rules remain the last word.
 */
final class WebhookTargets {

	/** The longest URL accepted: browsers' practical limit, and far within what an index row may hold. */
	static final int MAX_URL_LENGTH = 2048;

	private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	/** A last label that is a number: no top-level domain is, so the host is meant as an IPv4 address. */
	private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i).*(^|\\.)(0x[0-9a-f]*|\\d+)\\.?");

	private final boolean allowLoopback;

	WebhookTargets(boolean allowLoopback) {
		this.allowLoopback = allowLoopback;
	}

	/**
	 * @param url the URL a filer registers
	 * @return it, parsed
	 * @throws InvalidWebhookException if it is not an {@code https} URL with a host the service may call
	 */
	URI check(String url) {
		if (url.length() > MAX_URL_LENGTH) {
			throw new InvalidWebhookException("A webhook URL has at most " + MAX_URL_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new InvalidWebhookException("A webhook must be a valid https URL");
		}
		String host = uri.getHost();
		if (host == null || uri.getRawUserInfo() != null) {
			throw new InvalidWebhookException("A webhook must be an https URL with a host and no user information");
		}
		InetAddress address = literal(host);
		boolean loopback = isLoopbackName(host) || (address != null && address.isLoopbackAddress());
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && this.allowLoopback && loopback;
		if (!(https || localHttp)) {
			throw new InvalidWebhookException("A webhook must be an https URL with a host");
		}
		if (loopback ? !this.allowLoopback : (address != null && internal(address))) {
			throw new InvalidWebhookException("A webhook may not target a local, private or link-local address");
		}
		return uri;
	}

	/**
	 * Resolves a webhook's host before a delivery.
	 * @param uri the webhook
	 * @throws Refused if it resolves to an address the service may not call, or not at all
	 */
	void requirePublic(URI uri) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(uri.getHost());
		}
		catch (UnknownHostException ex) {
			throw new Refused("Host not found");
		}
		for (InetAddress address : addresses) {
			if (address.isLoopbackAddress() ? !this.allowLoopback : internal(address)) {
				throw new Refused("Host resolves to a local, private or link-local address");
			}
		}
	}

	private static boolean isLoopbackName(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
		return name.equals("localhost") || name.endsWith(".localhost");
	}

	/**
	 * The address a host names literally, read without any DNS look-up, or {@code null} for a name. A host
	 * meant as an IPv4 address in any form other than four decimal parts ({@code 2130706433}, {@code 0x7f.1})
	 * is refused: resolvers read those forms differently.
	 */
	private static @Nullable InetAddress literal(String host) {
		try {
			if (host.startsWith("[")) {
				// an IPv6 literal, which getByName parses without a look-up
				return InetAddress.getByName(host);
			}
			Matcher quad = DOTTED_QUAD.matcher(host);
			if (quad.matches()) {
				byte[] bytes = new byte[4];
				for (int i = 0; i < 4; i++) {
					int part = Integer.parseInt(quad.group(i + 1));
					if (part > 255) {
						throw new InvalidWebhookException("A webhook must be a valid https URL");
					}
					bytes[i] = (byte) part;
				}
				return InetAddress.getByAddress(bytes);
			}
		}
		catch (UnknownHostException ex) {
			throw new InvalidWebhookException("A webhook must be a valid https URL");
		}
		if (NUMERIC_LAST_LABEL.matcher(host).matches()) {
			throw new InvalidWebhookException("A webhook's host must be a name or an address of four decimal parts");
		}
		return null;
	}

	/** Loopback, private, link-local, unique-local, shared, multicast or unspecified: not for the service to call. */
	static boolean internal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			// 0.0.0.0/8 "this network", 100.64.0.0/10 shared address space
			return first == 0 || (first == 100 && second >= 64 && second < 128);
		}
		// fc00::/7 unique local addresses, the IPv6 private ranges
		return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
	}

	/** A delivery the service refuses to send: its host resolves where the service may not call. */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String reason) {
			super(reason);
		}

	}

}
