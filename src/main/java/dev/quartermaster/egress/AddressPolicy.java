package dev.quartermaster.egress;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which addresses outbound calls may reach. Link-local, unspecified, multicast and cloud metadata
 * addresses never; private and loopback ones only when allowed (a LAN Ollama, say). IPv4 hidden in
 * IPv6 (mapped, compatible, NAT64) is judged as the IPv4 address it is.
 */
final class AddressPolicy {

    record Verdict(boolean allowed, String reason) {
    }

    private static final Set<String> METADATA_HOSTS = Set.of("metadata", "metadata.google.internal", "metadata.goog",
            "instance-data", "instance-data.ec2.internal", "metadata.tencentyun.com", "metadata.packet.net");
    /** Alibaba's metadata service, AWS's IPv6 one, Azure's WireServer (the rest are link-local anyway). */
    private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254",
            "168.63.129.16");

    private final boolean allowPrivate;

    AddressPolicy(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    static boolean isMetadataHost(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return METADATA_HOSTS.contains(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    }

    Verdict judge(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        String text = effective.getHostAddress();
        if (METADATA_ADDRESSES.contains(text)) {
            return refuse(text, "a cloud metadata address");
        }
        if (effective.isLinkLocalAddress()) {
            return refuse(text, "link-local");
        }
        if (effective.isAnyLocalAddress() || isZeroNetwork(effective)) {
            return refuse(text, "unspecified");
        }
        if (effective.isMulticastAddress() || text.equals("255.255.255.255")) {
            return refuse(text, "multicast or broadcast");
        }
        if (isPrivate(effective) && !allowPrivate) {
            return new Verdict(false, text + " is a private or loopback address, and QM_EGRESS_ALLOW_PRIVATE is false");
        }
        return new Verdict(true, text);
    }

    private static Verdict refuse(String address, String kind) {
        return new Verdict(false, address + " is " + kind + " and never reachable from this server");
    }

    private static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        return a.isLoopbackAddress() || a.isSiteLocalAddress() || cgnat || uniqueLocal;
    }

    private static boolean isZeroNetwork(InetAddress a) {
        return a instanceof Inet4Address && a.getAddress()[0] == 0;
    }

    /** The IPv4 address carried by an IPv4-mapped, IPv4-compatible or NAT64 IPv6 address, else the address itself. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        boolean mapped = allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = allZero(b, 0, 12) && !allZero(b, 12, 15);
        boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (!(mapped || compatible || nat64)) {
            return address;
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
