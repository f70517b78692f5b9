package dev.switchboard.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressCountsAsItIs() {
        assertEquals("203.0.113.9", ClientAddress.of(from("203.0.113.9")));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        String a = ClientAddress.of(from("2001:db8:1:2:aaaa::1"));
        assertEquals("20010db800010002::/64", a);
        assertEquals(a, ClientAddress.of(from("[2001:db8:1:2:ffff:ffff:ffff:ffff]")));
        assertEquals("20010db800010003::/64", ClientAddress.of(from("2001:db8:1:3::1")));
    }

    @Test
    void somethingElseCountsAsItsTextWithoutALookup() {
        assertEquals("proxy.example", ClientAddress.of(from("Proxy.Example")));
        assertEquals("unknown", ClientAddress.of(from(null)));
    }

    /** A request from the host: only {@code remoteAddress()} is asked for. */
    private static HttpServerRequest from(String host) {
        SocketAddress remote = host == null ? null : SocketAddress.inetSocketAddress(40000, host);
        return (HttpServerRequest) Proxy.newProxyInstance(
                HttpServerRequest.class.getClassLoader(),
                new Class<?>[] {HttpServerRequest.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("remoteAddress")) {
                        return remote;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
