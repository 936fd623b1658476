package dev.myaccount.web;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the portal shows itself; {@code timeZone} is used for times of people who have not chosen their own. */
@ConfigurationProperties("myaccount.portal")
public record PortalProperties(@DefaultValue("UTC") ZoneId timeZone) {
}
