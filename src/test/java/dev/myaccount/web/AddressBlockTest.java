package dev.myaccount.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressBlockTest {

    @Test
    void anIpv4AddressIsLimitedAlone() {
        assertThat(AddressBlock.of("198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(AddressBlock.of("198.51.100.8")).isNotEqualTo(AddressBlock.of("198.51.100.7"));
    }

    @Test
    void everyAddressOfAnIpv6SlashSixtyFourIsOneBlock() {
        assertThat(AddressBlock.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(AddressBlock.of("2001:db8:1:2::1"))
                .isEqualTo(AddressBlock.of("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"))
                .isNotEqualTo(AddressBlock.of("2001:db8:1:3::1"));
    }
}
