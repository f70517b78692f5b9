package dev.switchboard.gateway.ratelimit;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The client address failed authentications are counted by: the connection's remote address, or the one the
 * trusted proxy forwarded when Quarkus is told to honour {@code X-Forwarded-For} / {@code Forwarded}
 * ({@code quarkus.http.proxy.proxy-address-forwarding=true} with {@code quarkus.http.proxy.trusted-proxies}).
 * An IPv6 client counts by its /64, the block one subscriber usually holds.
 */
final class ClientAddress {

    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%\\w+)?]?");

    private ClientAddress() {}

    static String of(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        String host = remote == null ? null : remote.host();
        if (host == null || host.isEmpty()) {
            return "unknown";
        }
        if (host.indexOf(':') >= 0 && IPV6_LITERAL.matcher(host).matches()) {
            String literal = host.replace("[", "").replace("]", "");
            int zone = literal.indexOf('%');
            try {
                // a literal (checked above) is parsed, never looked up
                byte[] bytes = InetAddress.getByName(zone >= 0 ? literal.substring(0, zone) : literal)
                        .getAddress();
                if (bytes.length == 16) {
                    return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
                }
            } catch (UnknownHostException e) {
                // not an address after all: fall through to the text
            }
        }
        String text = host.toLowerCase(Locale.ROOT);
        return text.length() > 64 ? text.substring(0, 64) : text;
    }
}
