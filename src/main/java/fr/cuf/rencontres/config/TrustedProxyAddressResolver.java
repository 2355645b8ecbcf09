package fr.cuf.rencontres.config;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.http.server.util.ProxyHeaderParser;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The client's address, for the registration rate limit and the audit log. The framework's default believes any
 * {@code X-Forwarded-For} or {@code Forwarded} header, so a client could pick a new address per request and never be
 * limited. Here those headers count only when the TCP peer is one of {@code rencontres.http.trusted-proxies}
 * (exact addresses or CIDR ranges; none by default): the address is then the right-most one that is not a trusted
 * proxy, the one the last trusted proxy saw.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public class TrustedProxyAddressResolver implements HttpClientAddressResolver {

    private final List<Range> trusted;

    TrustedProxyAddressResolver(@Value("${rencontres.http.trusted-proxies:}") List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    @Override
    @Nullable
    public String resolve(@NonNull HttpRequest request) {
        String peer = peer(request);
        if (!isTrusted(peer)) {
            return peer;
        }
        List<String> forwarded = new ProxyHeaderParser(request).getFor();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = strip(forwarded.get(i));
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return forwarded.isEmpty() ? peer : strip(forwarded.get(0));
    }

    /** Whether the request came through a trusted proxy, whose X-Forwarded-* headers may then be believed. */
    public boolean fromTrustedProxy(HttpRequest<?> request) {
        return !trusted.isEmpty() && isTrusted(peer(request));
    }

    private static String peer(HttpRequest<?> request) {
        return request.getRemoteAddress().getAddress() == null ? request.getRemoteAddress().getHostString()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** An address as proxies write it: without brackets or port ({@code [2001:db8::1]:4711}, {@code 10.0.0.1:80}). */
    private static String strip(String hop) {
        String h = hop.trim().replace("\"", "");
        if (h.startsWith("[")) {
            return h.substring(1, h.indexOf(']') > 0 ? h.indexOf(']') : h.length());
        }
        return h.indexOf(':') == h.lastIndexOf(':') && h.contains(":") ? h.substring(0, h.indexOf(':')) : h;
    }

    /** An address or a CIDR range. */
    record Range(byte[] network, int bits) {

        static Range parse(String spec) {
            String[] parts = spec.split("/");
            byte[] address = bytes(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("rencontres.http.trusted-proxies: not an IP address or range: " + spec);
            }
            return new Range(address, parts.length > 1 ? Integer.parseInt(parts[1]) : address.length * 8);
        }

        boolean contains(String address) {
            byte[] candidate = bytes(address);
            if (candidate == null || candidate.length != network.length) {
                return false;
            }
            int full = bits / 8;
            if (!Arrays.equals(candidate, 0, full, network, 0, full)) {
                return false;
            }
            int rest = bits % 8;
            return rest == 0 || ((candidate[full] ^ network[full]) & (0xFF << (8 - rest))) == 0;
        }

        /** The bytes of a literal IP address, or null: never a DNS lookup. */
        private static byte[] bytes(String literal) {
            if (literal == null || literal.isEmpty() || !literal.matches("[0-9a-fA-F:.]+")) {
                return null;
            }
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
