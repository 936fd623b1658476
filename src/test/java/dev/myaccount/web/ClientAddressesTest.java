package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {

    @Test
    void anIpv4AddressIsLimitedAlone() {
        assertThat(ClientAddresses.block("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.block("198.51.100.8")).isNotEqualTo(ClientAddresses.block("198.51.100.7"));
    }

    @Test
    void everyAddressOfAnIpv6SlashSixtyFourIsOneBlock() {
        assertThat(ClientAddresses.block("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(ClientAddresses.block("2001:db8:1:2::1"))
                .isEqualTo(ClientAddresses.block("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
                .isNotEqualTo(ClientAddresses.block("2001:db8:1:3::1"));
    }

    @Test
    void anIpv6AddressIsShownInItsShortFormAndAnythingElseAsItCame() {
        assertThat(ClientAddresses.shortForm("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(ClientAddresses.shortForm("2001:DB8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(ClientAddresses.shortForm("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(ClientAddresses.shortForm("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
        assertThat(ClientAddresses.shortForm("unknown:proxy")).isEqualTo("unknown:proxy");
    }

    @Test
    void whatIsNoAddressIsLimitedAsItCame() {
        assertThat(ClientAddresses.block("1:2:3:4:5:6:7:8:9")).isEqualTo("1:2:3:4:5:6:7:8:9");
        assertThat(ClientAddresses.block("unknown:proxy")).isEqualTo("unknown:proxy");
    }
}
