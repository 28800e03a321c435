package etax.declaration.notice;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Resolves a receiver's host name to its addresses: the system's resolver (DNS) in production. The seam lets
 * a test answer a name with the address it needs (a name that resolves to loopback, say) without a real DNS;
 * a bean of this type, when there is one, replaces the system's resolver for deliveries.
 */
@FunctionalInterface
public interface HostResolver {

	/** The system's resolver. */
	HostResolver SYSTEM = InetAddress::getAllByName;

	/**
	 * @param host a host name or literal address
	 * @return its addresses, at least one
	 * @throws UnknownHostException if it has none
	 */
	InetAddress[] resolve(String host) throws UnknownHostException;

}
