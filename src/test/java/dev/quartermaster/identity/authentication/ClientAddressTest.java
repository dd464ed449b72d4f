package dev.quartermaster.identity.authentication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which client a failed sign-in is counted against: an IPv4 address, or an IPv6 address's /64. */
class ClientAddressTest {

    @Test
    void addressesInOneIpv6Slash64AreOneClient() {
        assertThat(ClientAddress.of("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddress.of("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo(ClientAddress.of("2001:0db8:0001:0002:0:0:0:9"));
        assertThat(ClientAddress.of("2001:db8:1:3::1")).isNotEqualTo(ClientAddress.of("2001:db8:1:2::1"));
    }

    @Test
    void eachIpv4AddressIsAClientOfItsOwn() {
        assertThat(ClientAddress.of("192.0.2.1")).isNotEqualTo(ClientAddress.of("192.0.2.2"));
        assertThat(ClientAddress.of("::ffff:192.0.2.1")).as("IPv4-mapped").isEqualTo(ClientAddress.of("192.0.2.1"));
    }

    @Test
    void whatIsNotAnAddressIsCountedAsItIs() {
        assertThat(ClientAddress.of("not-an-address")).isEqualTo("not-an-address");
        assertThat(ClientAddress.of("[2001:db8::1]")).isEqualTo(ClientAddress.of("2001:db8::2"));
    }
}
