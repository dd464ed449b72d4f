package dev.quartermaster.identity.authentication;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * Which client a failed sign-in counts against: an IPv4 address itself, but an IPv6 address's /64,
 * since one subscriber is usually given a whole /64 and could otherwise try from a fresh address
 * each time. An IPv4-mapped IPv6 address is its IPv4 address.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(String remoteAddress) {
        String bare = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1) : remoteAddress;
        if (!isLiteral(bare)) {
            return remoteAddress;
        }
        try {
            return switch (InetAddress.getByName(bare)) {
                case Inet4Address v4 -> v4.getHostAddress();
                case Inet6Address v6 -> HexFormat.of().formatHex(v6.getAddress(), 0, 8) + "::/64";
                default -> remoteAddress;
            };
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    /** Only an address literal: never a name, which would be looked up. */
    private static boolean isLiteral(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%')
                && (value.indexOf(':') >= 0 || value.chars().allMatch(c -> Character.isDigit(c) || c == '.'));
    }
}
