package dev.switchboard.run.tool;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Refuses hosts that resolve to addresses a tool must not reach from inside the platform: loopback,
 * "any", private (RFC 1918), carrier-grade NAT, link-local, unique-local (fc00::/7), multicast and
 * IPv4-mapped forms of those.
 */
public final class AddressGuard {

    private AddressGuard() {}

    /** Resolves {@code host} and throws when any of its addresses is internal; the addresses otherwise. */
    public static InetAddress[] resolvePublic(String host) throws UnknownHostException, RefusedAddressException {
        return resolvePublic(host, InetAddress::getAllByName);
    }

    /** {@link #resolvePublic(String)} with another resolver. */
    public static InetAddress[] resolvePublic(String host, Resolver resolver)
            throws UnknownHostException, RefusedAddressException {
        return checkPublic(host, resolver.resolve(host));
    }

    /** A URI's host as a resolver takes it: an IPv6 literal without its brackets. */
    public static String hostName(String uriHost) {
        return uriHost.startsWith("[") && uriHost.endsWith("]") ? uriHost.substring(1, uriHost.length() - 1) : uriHost;
    }

    /** {@code addresses} ({@code host}'s) when none of them is internal; throws otherwise. */
    public static InetAddress[] checkPublic(String host, InetAddress[] addresses) throws RefusedAddressException {
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new RefusedAddressException(host + " resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or multicast address");
            }
        }
        return addresses;
    }

    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            if (isMappedOrCompatibleV4(bytes)) {
                try {
                    byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                    return isInternal(InetAddress.getByAddress(v4));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isMappedOrCompatibleV4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff) || (bytes[10] == 0 && bytes[11] == 0);
    }

    /** Resolves a host name to its addresses: the system resolver, or a test's own. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A host the guard refused. */
    public static final class RefusedAddressException extends Exception {

        public RefusedAddressException(String message) {
            super(message, null, false, false);
        }
    }
}
