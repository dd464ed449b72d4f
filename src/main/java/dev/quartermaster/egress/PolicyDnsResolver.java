package dev.quartermaster.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves once and judges every address before the client may connect; the client connects to
 * exactly the addresses returned here, so a second, different DNS answer cannot slip through.
 */
final class PolicyDnsResolver implements DnsResolver {

    /** Carries the policy's reason through the client's exception chain. */
    static final class Refused extends UnknownHostException {
        Refused(String reason) {
            super(reason);
        }
    }

    private final AddressPolicy policy;

    PolicyDnsResolver(AddressPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (AddressPolicy.isMetadataHost(host)) {
            throw new Refused(host + " is a cloud metadata host and never reachable from this server");
        }
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            AddressPolicy.Verdict verdict = policy.judge(address);
            if (!verdict.allowed()) {
                throw new Refused(host + " resolves to " + verdict.reason());
            }
        }
        return Arrays.copyOf(addresses, addresses.length);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
