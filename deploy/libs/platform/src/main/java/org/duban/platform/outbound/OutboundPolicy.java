package org.duban.platform.outbound;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one rule every outbound call goes through (webhooks, robots, SMS, e-mail). A URL is allowed
 * when it is http(s) and every address its host resolves to is public — or the host or address is on
 * the operator's allow-list ({@code duban.outbound.allow-hosts}, {@code allow-cidrs}). The answer is
 * an {@link OutboundTarget} carrying the checked address: the caller connects to that address
 * (see {@link PinnedHttpClient}) and never resolves the name again, so a DNS answer that changes
 * between check and connection (rebinding) gains nothing. Redirects are never followed by callers.
 *
 * <p>Plain Java: built by {@link OutboundPolicyProducer} from config, or in tests with a resolver table.
 */
public final class OutboundPolicy {

    private final List<String> allowHosts;
    private final List<Cidr> allowCidrs;
    private final Map<String, List<String>> channelHosts;
    private final HostResolver resolver;

    /**
     * @param allowHosts   host names (or {@code *.suffix}) whose addresses are not judged
     * @param allowCidrs   address blocks allowed although refused by default
     * @param channelHosts per robot channel, the hosts its URLs may name instead of the platform's
     * @param resolver     name → addresses
     */
    public OutboundPolicy(Collection<String> allowHosts, Collection<String> allowCidrs,
                          Map<String, List<String>> channelHosts, HostResolver resolver) {
        this.allowHosts = allowHosts.stream().map(OutboundPolicy::normalHost).toList();
        this.allowCidrs = allowCidrs.stream().map(Cidr::parse).toList();
        this.channelHosts = Map.copyOf(channelHosts);
        this.resolver = resolver;
    }

    /** The default policy: nothing allowed beyond public addresses, the system resolver. */
    public static OutboundPolicy strict() {
        return new OutboundPolicy(List.of(), List.of(), Map.of(), HostResolver.SYSTEM);
    }

    /**
     * Why {@code url} cannot be registered, in words for a 400 problem; null when it may be. Resolves
     * the name now: one that points at a refused address is refused at once. A name not (yet) in DNS
     * may be registered — its deliveries fail with "not found in DNS" until it is, and are checked
     * again then.
     */
    public String registrationProblem(String url) {
        try {
            check(url);
            return null;
        } catch (NotFound e) {
            return null;
        } catch (OutboundRefused e) {
            return e.getMessage();
        }
    }

    /** The host has no address (yet): refused at send time, tolerated at registration. */
    static final class NotFound extends OutboundRefused {
        NotFound(String host) {
            super("the host " + host + " was not found in DNS");
        }
    }

    /** Checks a URL and resolves its host once; the target carries the address to connect to. */
    public OutboundTarget check(String url) throws OutboundRefused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new OutboundRefused("not a valid URL: " + e.getReason());
        }
        return check(uri);
    }

    /** Checks a URL and resolves its host once; the target carries the address to connect to. */
    public OutboundTarget check(URI uri) throws OutboundRefused {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefused("only http and https URLs are called, not " + (scheme.isEmpty() ? "a relative URL" : scheme));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new OutboundRefused("the URL names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRefused("the URL must not carry a user name or password");
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() < 0 ? (https ? 443 : 80) : uri.getPort();
        String host = normalHost(uri.getHost());
        InetAddress address = checkHost(host);
        return new OutboundTarget(uri, host, port, https, address);
    }

    /**
     * Checks a host (a name or an address literal), e.g. the SMTP relay's; returns the checked address
     * to connect to. All addresses of a name must pass: a name with one public and one private address
     * is refused, since which one a later connection uses is not ours to choose.
     */
    public InetAddress checkHost(String rawHost) throws OutboundRefused {
        String host = normalHost(rawHost);
        if (host.isEmpty()) {
            throw new OutboundRefused("no host given");
        }
        boolean hostAllowed = hostAllowed(host);
        List<InetAddress> addresses;
        if (isLiteral(host)) {
            try {
                addresses = List.of(InetAddress.getByName(host)); // a literal is parsed, not looked up
            } catch (UnknownHostException e) {
                throw new OutboundRefused("the host " + host + " is not a valid address");
            }
        } else {
            try {
                addresses = resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw new NotFound(host);
            }
            if (addresses.isEmpty()) {
                throw new NotFound(host);
            }
        }
        if (hostAllowed) {
            return addresses.getFirst();
        }
        for (InetAddress address : addresses) {
            String why = refusal(address);
            if (why != null) {
                String which = isLiteral(host) ? "the address " + host + " is" : "the host " + host + " resolves to " + address.getHostAddress() + ",";
                throw new OutboundRefused(which + " " + why + ", which Duban does not call; an operator may allow it in "
                        + "duban.outbound.allow-hosts or duban.outbound.allow-cidrs");
            }
        }
        return addresses.getFirst();
    }

    /**
     * For robot channels: the URL must name the platform's host (or a sub-domain), or one configured in
     * {@code duban.outbound.channels.<channel>.hosts} instead; then it is checked like any URL.
     *
     * @param channel       e.g. {@code wecom}
     * @param url           the robot's webhook URL
     * @param platformHosts the platform's own hosts, e.g. {@code qyapi.weixin.qq.com}
     */
    public OutboundTarget checkChannel(String channel, String url, Set<String> platformHosts) throws OutboundRefused {
        String refusal = channelProblem(channel, url, platformHosts);
        if (refusal != null) {
            throw new OutboundRefused(refusal);
        }
        return check(url);
    }

    /** Why {@code url} is not a host the channel accepts (without resolving it); null when it is. */
    public String channelProblem(String channel, String url, Set<String> platformHosts) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL: " + e.getReason();
        }
        if (uri.getHost() == null) {
            return "the URL names no host";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !channelHosts.containsKey(channel)) {
            return "a " + channel + " robot is called over https only";
        }
        String host = normalHost(uri.getHost());
        List<String> accepted = channelHosts.getOrDefault(channel, platformHosts.stream().map(OutboundPolicy::normalHost).toList());
        for (String allowed : accepted) {
            if (matches(allowed, host)) {
                return null;
            }
        }
        return "a " + channel + " robot URL must point at " + String.join(" or ", accepted) + ", not " + host;
    }

    private String refusal(InetAddress address) {
        InetAddress judged = AddressRanges.embeddedIpv4(address);
        for (Cidr allowed : allowCidrs) {
            if (allowed.contains(address) || allowed.contains(judged)) {
                return null;
            }
        }
        return AddressRanges.refusal(address);
    }

    private boolean hostAllowed(String host) {
        for (String allowed : allowHosts) {
            if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : allowed.equals(host)) {
                return true;
            }
        }
        return false;
    }

    /** {@code example.com} accepts itself and its sub-domains; {@code *.example.com} only sub-domains. */
    private static boolean matches(String allowed, String host) {
        if (allowed.startsWith("*.")) {
            return host.endsWith(allowed.substring(1));
        }
        return host.equals(allowed) || host.endsWith("." + allowed);
    }

    private static boolean isLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /** Lower case, ASCII (IDN), without IPv6 brackets or a trailing dot. */
    static String normalHost(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.indexOf(':') < 0) {
            try {
                h = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                // left as given: it will not resolve
            }
        }
        return h.toLowerCase(Locale.ROOT);
    }
}
