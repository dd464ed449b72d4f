package dev.quartermaster.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads a host written as a number the way the C library's {@code inet_aton} would (decimal
 * {@code 2852039166}, octal {@code 0251.0376.0251.0376}, hex {@code 0xa9fea9fe}, short {@code 127.1}),
 * so that no spelling hides an address from the policy.
 */
final class NumericHost {

    record Parsed(InetAddress address, boolean canonical) {
    }

    private NumericHost() {
    }

    static Optional<Parsed> parse(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        boolean canonical = parts.length == 4;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].toLowerCase();
            Long value = number(part);
            if (value == null) {
                return Optional.empty();
            }
            canonical &= part.matches("0|[1-9][0-9]{0,2}");
            values[i] = value;
        }
        long address = combine(values);
        if (address < 0) {
            return Optional.empty();
        }
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return Optional.of(new Parsed(InetAddress.getByAddress(host, bytes), canonical));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Long number(String part) {
        try {
            if (part.matches("0x[0-9a-f]+")) {
                return Long.parseLong(part.substring(2), 16);
            }
            if (part.matches("0[0-7]+")) {
                return Long.parseLong(part.substring(1), 8);
            }
            if (part.matches("[0-9]+")) {
                return Long.parseLong(part);
            }
        } catch (NumberFormatException tooLong) {
            return null;
        }
        return null;
    }

    /** inet_aton: every part but the last is one byte; the last fills the remaining bytes. -1 if out of range. */
    private static long combine(long[] parts) {
        long result = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i] > 0xff) {
                return -1;
            }
            result |= parts[i] << (24 - 8 * i);
        }
        long last = parts[parts.length - 1];
        long lastMax = (1L << (8 * (5 - parts.length))) - 1;
        return last > lastMax ? -1 : result | last;
    }
}
