package etax.declaration.notice;

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
 * from inside its network: one that names or resolves to a loopback, private, link-local (a cloud's metadata
 * endpoint at 169.254.169.254), unique-local, shared (carrier-grade NAT), reserved, multicast or unspecified
 * address would let a filer make the service call internal systems (SSRF), so it is refused: by name and
 * literal address at registration ({@link #check}), and by what the host resolves to at each delivery
 * ({@link #resolve}), since a name may resolve differently later. IPv4 addresses written as IPv6
 * (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16})
 * are judged by the IPv4 address they carry. A delivery resolves the name once, through {@link HostResolver},
 * and connects to exactly the addresses it checked ({@link WebhookSender}): a name that flips to an internal
 * address after the check (DNS rebinding) is never called there. Only with
 * {@code etax.declaration.webhooks.allow-plain-http-localhost} (local runs, tests, benchmarks) are loopback
 * receivers accepted, over {@code http} too.
 */
final class WebhookTargets {

	/** The longest URL accepted: browsers' practical limit, and far within what an index row may hold. */
	static final int MAX_URL_LENGTH = 2048;

	private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

	/** A last label that is a number: no top-level domain is, so the host is meant as an IPv4 address. */
	private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i).*(^|\\.)(0x[0-9a-f]*|\\d+)\\.?");

	private final boolean allowLoopback;

	private final HostResolver resolver;

	WebhookTargets(boolean allowLoopback) {
		this(allowLoopback, HostResolver.SYSTEM);
	}

	WebhookTargets(boolean allowLoopback, HostResolver resolver) {
		this.allowLoopback = allowLoopback;
		this.resolver = resolver;
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
		if (loopback ? !this.allowLoopback : (address != null && InternalAddresses.kindOf(address) != null)) {
			throw new InvalidWebhookException("A webhook may not target a local, private or link-local address");
		}
		return uri;
	}

	/**
	 * Resolves a webhook's host for a delivery, once, and checks every address it resolves to: the delivery
	 * connects to these addresses and no others.
	 * @param host the webhook's host
	 * @return its addresses, all of which the service may call
	 * @throws UnknownHostException if it resolves to no address
	 * @throws Refused if any address is one the service may not call
	 */
	InetAddress[] resolve(String host) throws UnknownHostException {
		InetAddress[] addresses = this.resolver.resolve(host);
		if (addresses == null || addresses.length == 0) {
			throw new UnknownHostException(host);
		}
		for (InetAddress address : addresses) {
			String kind = (address.isLoopbackAddress() && this.allowLoopback) ? null : InternalAddresses.kindOf(address);
			if (kind != null) {
				// neither the address nor its kind: the filer reads this error, and would map the service's network
				throw new Refused(host + " resolves to no address the service calls (unknown, internal or reserved)");
			}
		}
		return addresses;
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

	/**
	 * A delivery the service refuses to send: its host resolves where the service may not call. Its message
	 * says so in words (host, address and kind), for the filer's operator; it is never retried.
	 */
	static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Refused(String reason) {
			super(reason);
		}

	}

}
