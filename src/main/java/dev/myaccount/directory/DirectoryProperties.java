package dev.myaccount.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often the organisations' own directories are read (a person disabled there loses their sessions and tokens
 * within this much time), and how often a reading is a whole one (which also finds the people removed from the
 * directory; the readings between ask only for the entries changed since), and how long the portal waits for a
 * directory to connect and to answer before it says that it cannot reach it.
 */
@ConfigurationProperties("myaccount.directory")
record DirectoryProperties(
        @DefaultValue("PT5M") Duration syncEvery,
        @DefaultValue("PT1H") Duration readWholeEvery,
        @DefaultValue("PT5S") Duration connectTimeout,
        @DefaultValue("PT10S") Duration responseTimeout) {
}
