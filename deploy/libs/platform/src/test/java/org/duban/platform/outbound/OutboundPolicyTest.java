package org.duban.platform.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundPolicyTest {

    private static final OutboundPolicy STRICT = OutboundPolicy.strict();

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:9999/x", "http://127.1.2.3/", "http://0.0.0.0/", "http://0.1.2.3/",
            "http://169.254.169.254/latest/meta-data/", "http://169.254.0.1/",
            "http://10.0.0.1/", "http://10.255.255.255/", "http://172.16.0.1/", "http://172.31.255.254/",
            "http://192.168.1.1/", "http://100.64.0.1/", "http://100.127.255.255/",
            "http://224.0.0.1/", "http://239.255.255.250/", "http://255.255.255.255/", "http://240.0.0.1/",
            "http://2130706433/", // 127.0.0.1 written as one number
            "http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[febf::1]/", "http://[fc00::1]/",
            "http://[fd12:3456::1]/", "http://[ff02::1]/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:169.254.169.254]/",
            "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/", "http://[64:ff9b::a9fe:a9fe]/",
            "http://[2002:7f00:1::]/", "http://[2002:c0a8:101::1]/"})
    void refusesEveryRangeThatIsNotPublic(String url) {
        OutboundRefused refused = assertThrows(OutboundRefused.class, () -> STRICT.check(url));
        assertTrue(refused.getMessage().contains("does not call"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/hook", "http://172.32.0.1/", "http://172.15.255.255/", "http://100.128.0.1/",
            "http://192.169.0.1/", "http://11.0.0.1/", "https://[2001:4860:4860::8888]/", "http://[::ffff:8.8.8.8]/"})
    void acceptsPublicAddresses(String url) throws OutboundRefused {
        OutboundTarget target = STRICT.check(url);
        assertEquals(AddressRanges.embeddedIpv4(target.address()).getHostAddress(),
                AddressRanges.embeddedIpv4(target.address()).getHostAddress());
    }

    @Test
    void mappedIpv6AddressFromAResolverIsJudgedByItsIpv4Address() throws Exception {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        InetAddress address = Inet6Address.getByAddress("evil.example", mapped, -1);
        OutboundPolicy policy = new OutboundPolicy(List.of(), List.of(), Map.of(), host -> List.of(address));
        OutboundRefused refused = assertThrows(OutboundRefused.class, () -> policy.check("https://evil.example/"));
        assertTrue(refused.getMessage().contains("loopback"), refused.getMessage());
    }

    @Test
    void localhostResolvesToLoopbackAndIsRefused() {
        OutboundRefused refused = assertThrows(OutboundRefused.class, () -> STRICT.check("http://localhost:8080/hook"));
        assertTrue(refused.getMessage().startsWith("the host localhost resolves to"), refused.getMessage());
    }

    @Test
    void aNameThatResolvesToLoopbackIsRefusedAndTheTargetPinsTheCheckedAddress() throws Exception {
        Map<String, List<InetAddress>> dns = Map.of(
                "rebind.example", List.of(InetAddress.getByName("127.0.0.1")),
                "split.example", List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")),
                "oa.example.gov.cn", List.of(InetAddress.getByName("93.184.216.34")));
        OutboundPolicy policy = new OutboundPolicy(List.of(), List.of(), Map.of(), table(dns));
        OutboundRefused refused = assertThrows(OutboundRefused.class, () -> policy.check("https://rebind.example/x"));
        assertEquals("the host rebind.example resolves to 127.0.0.1, a loopback address (127.0.0.0/8), which Duban does "
                + "not call; an operator may allow it in duban.outbound.allow-hosts or duban.outbound.allow-cidrs", refused.getMessage());
        assertThrows(OutboundRefused.class, () -> policy.check("https://split.example/x"), "one private address is enough");

        OutboundTarget target = policy.check("https://OA.Example.gov.cn./hooks/duban?x=1");
        assertEquals("oa.example.gov.cn", target.host());
        assertEquals(443, target.port());
        assertEquals("93.184.216.34", target.address().getHostAddress());
        assertEquals("/hooks/duban?x=1", target.pathAndQuery());
    }

    @Test
    void unknownHostsAreRefusedAtSendTimeButMayBeRegistered() {
        OutboundPolicy policy = new OutboundPolicy(List.of(), List.of(), Map.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThrows(OutboundRefused.class, () -> policy.check("https://nowhere.example/"));
        assertNull(policy.registrationProblem("https://nowhere.example/"));
        assertTrue(policy.registrationProblem("http://10.0.0.1/").contains("private"));
        assertTrue(policy.registrationProblem("ftp://example.com/").contains("only http and https"));
        assertTrue(policy.registrationProblem("https://user:pw@example.com/").contains("user name"));
    }

    @Test
    void theAllowListOpensHostsAndBlocksButNothingElse() throws Exception {
        Map<String, List<InetAddress>> dns = Map.of(
                "oa.gov.local", List.of(InetAddress.getByName("10.20.1.5")),
                "mail.gov.local", List.of(InetAddress.getByName("10.99.0.25")),
                "x.intra.example", List.of(InetAddress.getByName("192.168.7.7")),
                "other.local", List.of(InetAddress.getByName("10.99.0.26")));
        OutboundPolicy policy = new OutboundPolicy(List.of("oa.gov.local", "*.intra.example"),
                List.of("10.20.0.0/16", "fd00:abcd::/32"), Map.of(), table(dns));
        assertEquals("10.20.1.5", policy.check("http://oa.gov.local/hook").address().getHostAddress());
        assertDoesNotThrow(() -> policy.check("https://x.intra.example/"));
        assertDoesNotThrow(() -> policy.check("http://10.20.200.1/"));
        assertDoesNotThrow(() -> policy.check("http://[::ffff:10.20.0.9]/"));
        assertDoesNotThrow(() -> policy.check("http://[fd00:abcd::5]/"));
        assertThrows(OutboundRefused.class, () -> policy.check("http://other.local/"));
        assertThrows(OutboundRefused.class, () -> policy.check("http://10.21.0.1/"));
        assertThrows(OutboundRefused.class, () -> policy.check("http://127.0.0.1/"));
        assertThrows(OutboundRefused.class, () -> policy.check("http://[fd00:abce::5]/"));
        assertEquals("10.99.0.25", new OutboundPolicy(List.of("mail.gov.local"), List.of(), Map.of(), table(dns))
                .checkHost("mail.gov.local").getHostAddress());
        assertThrows(OutboundRefused.class, () -> policy.checkHost("mail.gov.local"));
    }

    @Test
    void robotChannelsAcceptOnlyTheirPlatformsHostsUnlessConfigured() throws Exception {
        Map<String, List<InetAddress>> dns = Map.of(
                "qyapi.weixin.qq.com", List.of(InetAddress.getByName("101.91.0.1")),
                "robot.gov.local", List.of(InetAddress.getByName("10.20.0.7")));
        Set<String> wecom = Set.of("qyapi.weixin.qq.com");
        OutboundPolicy strict = new OutboundPolicy(List.of(), List.of(), Map.of(), table(dns));
        assertDoesNotThrow(() -> strict.checkChannel("wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", wecom));
        assertTrue(strict.channelProblem("wecom", "https://evil.example/cgi-bin/webhook/send", wecom).contains("qyapi.weixin.qq.com"));
        assertTrue(strict.channelProblem("wecom", "https://qyapi.weixin.qq.com.evil.example/", wecom) != null);
        assertTrue(strict.channelProblem("wecom", "http://qyapi.weixin.qq.com/", wecom).contains("https"));

        OutboundPolicy onPremises = new OutboundPolicy(List.of("robot.gov.local"), List.of(),
                Map.of("wecom", List.of("robot.gov.local")), table(dns));
        assertDoesNotThrow(() -> onPremises.checkChannel("wecom", "http://robot.gov.local/send", wecom));
        assertThrows(OutboundRefused.class, () -> onPremises.checkChannel("wecom", "https://qyapi.weixin.qq.com/x", wecom));
    }

    @Test
    void cidrsParseAndMatch() throws Exception {
        assertTrue(Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.31.0.1")));
        assertTrue(!Cidr.parse("172.16.0.0/12").contains(InetAddress.getByName("172.32.0.1")));
        assertTrue(Cidr.parse("fe80::/10").contains(InetAddress.getByName("febf::1")));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
    }

    private static HostResolver table(Map<String, List<InetAddress>> dns) {
        return host -> {
            List<InetAddress> found = dns.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found;
        };
    }
}
