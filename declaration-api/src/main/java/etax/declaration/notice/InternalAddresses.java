package etax.declaration.notice;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * Addresses a webhook may not reach (SSRF): loopback, unspecified, link-local (a cloud's metadata endpoint
 * at 169.254.169.254), private (site-local, unique-local), multicast, "this network", shared (carrier-grade
 * NAT) and reserved IPv4 ranges. An IPv6 address that carries an IPv4 address (IPv4-mapped, IPv4-compatible,
 * NAT64, 6to4) is judged by the IPv4 address: a resolver may answer {@code ::ffff:127.0.0.1} for a name, and
 * the network would take it to 127.0.0.1.
 */
final class InternalAddresses {

	private InternalAddresses() {
	}

	/**
	 * @param address an address a webhook names or resolves to
	 * @return what kind of address the service may not call it is, in words, or {@code null} for a public one
	 */
	static @Nullable String kindOf(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			byte[] embedded = embeddedIpv4(bytes);
			if (embedded != null) {
				try {
					return kindOf(InetAddress.getByAddress(embedded));
				}
				catch (UnknownHostException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		if (address.isLoopbackAddress()) {
			return "a loopback address";
		}
		if (address.isAnyLocalAddress()) {
			return "the unspecified address";
		}
		if (address.isLinkLocalAddress()) {
			return "a link-local address (such as a cloud's metadata endpoint)";
		}
		if (address.isSiteLocalAddress()) {
			return "a private address";
		}
		if (address.isMulticastAddress()) {
			return "a multicast address";
		}
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			int third = bytes[2] & 0xff;
			if (first == 0) {
				return "an address of \"this network\" (0.0.0.0/8)";
			}
			if (first == 100 && second >= 64 && second < 128) {
				// 100.64.0.0/10 shared address space: carrier-grade NAT, and some clouds' metadata (100.100.100.200)
				return "a shared (carrier-grade NAT) address";
			}
			if ((first == 192 && second == 0 && third == 0) || (first == 198 && (second & 0xfe) == 18) || first >= 240) {
				// 192.0.0.0/24 protocol assignments (a cloud's metadata at 192.0.0.192), 198.18.0.0/15
				// benchmarking, 240.0.0.0/4 reserved and the broadcast address
				return "a reserved address";
			}
			return null;
		}
		// fc00::/7 unique local addresses, the IPv6 private ranges (a cloud's metadata at fd00:ec2::254)
		return ((bytes[0] & 0xfe) == 0xfc) ? "a private address" : null;
	}

	/**
	 * The IPv4 address an IPv6 address carries: IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible
	 * {@code ::/96} (but {@code ::} and {@code ::1}), NAT64 {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}.
	 */
	private static byte @Nullable [] embeddedIpv4(byte[] bytes) {
		boolean zeros80 = true;
		for (int i = 0; i < 10; i++) {
			zeros80 &= bytes[i] == 0;
		}
		boolean mapped = zeros80 && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
		boolean compatible = zeros80 && bytes[10] == 0 && bytes[11] == 0
				&& ((bytes[12] | bytes[13] | bytes[14]) != 0 || (bytes[15] & 0xff) > 1);
		boolean nat64 = (bytes[0] & 0xff) == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
				&& (bytes[3] & 0xff) == 0x9b && IntStream.range(4, 12).allMatch((i) -> bytes[i] == 0);
		if (mapped || compatible || nat64) {
			return Arrays.copyOfRange(bytes, 12, 16);
		}
		if ((bytes[0] & 0xff) == 0x20 && (bytes[1] & 0xff) == 0x02) {
			return Arrays.copyOfRange(bytes, 2, 6);
		}
		return null;
	}

}
