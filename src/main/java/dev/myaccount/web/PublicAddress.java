package dev.myaccount.web;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The one address people and clients reach the portal at ({@code myaccount.public-address}), never the request's
 * Host header: absolute links (SCIM's locations, the provisioning page) are built on it, and passkeys are made
 * for its host unless set apart.
 */
@ConfigurationProperties("myaccount")
public record PublicAddress(@DefaultValue("http://localhost:8080") URI publicAddress) {

    public PublicAddress {
        if (publicAddress.getScheme() == null || publicAddress.getHost() == null
                || !publicAddress.getScheme().matches("https?")) {
            throw new IllegalArgumentException("myaccount.public-address must be an http or https address, such as"
                    + " https://myaccount.contoso.com; it is " + publicAddress);
        }
    }

    /** The address without a trailing slash, for absolute links: {@code url() + "/scim/v2"}. */
    public String url() {
        return publicAddress.toString().replaceAll("/+$", "");
    }

    /** The address's origin (scheme, host and port), as a browser names it. */
    public String origin() {
        return publicAddress.getScheme() + "://" + publicAddress.getRawAuthority();
    }

    public String host() {
        return publicAddress.getHost();
    }
}
