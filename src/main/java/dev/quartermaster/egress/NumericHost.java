package dev.quartermaster.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a host written as a number the way the C library's {@code inet_aton} would (decimal
 * {@code 2852039166}, octal {@code 0251.0376.0251.0376}, hex {@code 0xa9fea9fe}, short {@code 127.1}),
 * so that no spelling hides an address from the policy.
 */
final class NumericHost {

    record Parsed(InetAddress address, boolean canonical) {
    }

    /** Compiled once: the check runs on every outbound call, and {@code String.matches} compiles anew each time. */
    private static final Pattern DOT = Pattern.compile("\\.");
    private static final Pattern CANONICAL = Pattern.compile("0|[1-9][0-9]{0,2}");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-f]+");
    private static final Pattern OCTAL = Pattern.compile("0[0-7]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");

    private NumericHost() {
    }

    static Optional<Parsed> parse(String host) {
        String[] parts = DOT.split(host, -1);
        if (parts.length == 0 || parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        boolean canonical = parts.length == 4;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].toLowerCase(Locale.ROOT);
            Long value = number(part);
            if (value == null) {
                return Optional.empty();
            }
            canonical &= CANONICAL.matcher(part).matches();
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
            if (HEX.matcher(part).matches()) {
                return Long.parseLong(part.substring(2), 16);
            }
            if (OCTAL.matcher(part).matches()) {
                return Long.parseLong(part.substring(1), 8);
            }
            if (DECIMAL.matcher(part).matches()) {
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
