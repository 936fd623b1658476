package dev.myaccount.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.myaccount.support.TestPeople.Person;

/**
 * What a test of the running portal works with: its port, new people and their sign-in methods, and the
 * database to look into.
 */
public abstract class PortalTestCase {

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestPeople people;

    @Autowired
    protected TestMethods methods;

    @Autowired
    protected JdbcClient jdbc;

    /** A browser in which the person has just signed in. */
    protected PortalClient signedIn(Person person) {
        PortalClient browser = new PortalClient(port);
        assertThat(browser.signIn(person.upn(), person.password()).location()).contains("/");
        return browser;
    }
}
