package org.duban.platform.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The address ranges an outbound call must not reach unless the operator allowed them: what is on
 * this machine, on the local link (cloud metadata at 169.254.169.254 included), in private and
 * carrier-grade NAT networks, or not a single host at all. IPv6 forms that carry an IPv4 address
 * (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4
 * {@code 2002::/16}) are judged by the IPv4 address inside.
 */
public final class AddressRanges {

    /** A refused range and why, in words for a delivery log or a problem. */
    public record Range(Cidr cidr, String why) {
    }

    static final List<Range> REFUSED = List.of(
            range("0.0.0.0/8", "an unspecified address (0.0.0.0/8)"),
            range("127.0.0.0/8", "a loopback address (127.0.0.0/8)"),
            range("169.254.0.0/16", "a link-local address (169.254.0.0/16, cloud metadata)"),
            range("10.0.0.0/8", "a private address (10.0.0.0/8)"),
            range("172.16.0.0/12", "a private address (172.16.0.0/12)"),
            range("192.168.0.0/16", "a private address (192.168.0.0/16)"),
            range("100.64.0.0/10", "a carrier-grade NAT address (100.64.0.0/10)"),
            range("192.0.0.0/24", "an IETF protocol address (192.0.0.0/24)"),
            range("198.18.0.0/15", "a benchmarking address (198.18.0.0/15)"),
            range("224.0.0.0/4", "a multicast address (224.0.0.0/4)"),
            range("240.0.0.0/4", "a reserved or broadcast address (240.0.0.0/4)"),
            range("::/128", "an unspecified address (::)"),
            range("::1/128", "a loopback address (::1)"),
            range("fe80::/10", "a link-local address (fe80::/10)"),
            range("fec0::/10", "a site-local address (fec0::/10)"),
            range("fc00::/7", "a private address (fc00::/7)"),
            range("ff00::/8", "a multicast address (ff00::/8)"));

    // built from bytes: Java parses ::ffff:a.b.c.d as the IPv4 address itself
    private static final Cidr MAPPED = new Cidr(new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0}, 96);
    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private AddressRanges() {
    }

    /** Why {@code address} is refused by default; null when it is a public address. */
    public static String refusal(InetAddress address) {
        InetAddress judged = embeddedIpv4(address);
        for (Range range : REFUSED) {
            if (range.cidr().contains(judged)) {
                return judged == address ? range.why() : range.why() + " inside the IPv6 address " + address.getHostAddress();
            }
        }
        return null;
    }

    /**
     * The IPv4 address an IPv6 address stands for (mapped, compatible, NAT64, 6to4), else the address
     * itself. {@code ::} and {@code ::1} stay IPv6: they are the unspecified and loopback addresses.
     */
    public static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        try {
            if (MAPPED.contains(address) || NAT64.contains(address)
                    || (COMPATIBLE.contains(address) && !isZeroOrOne(b))) {
                return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
            }
            if (SIX_TO_FOUR.contains(address)) {
                return InetAddress.getByAddress(new byte[]{b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
        return address;
    }

    private static boolean isZeroOrOne(byte[] b) {
        for (int i = 0; i < 15; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[15] == 0 || b[15] == 1;
    }

    static boolean isIpv4(InetAddress address) {
        return address instanceof Inet4Address;
    }

    private static Range range(String cidr, String why) {
        return new Range(Cidr.parse(cidr), why);
    }
}
