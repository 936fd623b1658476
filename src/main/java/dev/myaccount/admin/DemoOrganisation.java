package dev.myaccount.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.myaccount.credential.AccessPasses;
import dev.myaccount.credential.TemporaryPasswords;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.NewAccount;
import dev.myaccount.people.Organisation;
import dev.myaccount.people.OrganisationProfile;
import dev.myaccount.people.Role;
import dev.myaccount.policy.PolicySettingsStore;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.SignInMethods;

/**
 * On start-up: in demo mode, an empty database gets Contoso and its people (and Adventure Works, of which
 * Adele is a guest) before the web server takes its first connection, and once the portal is ready its
 * address with their passwords is printed once; outside demo mode, an empty database gets a line in the log
 * on how to create the first admin.
 */
@Component
class DemoOrganisation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);
    private static final String DOMAIN = "contoso.example";
    /** Contoso's own banned terms, as in Microsoft's documentation of custom banned passwords. */
    private static final List<String> BANNED_TERMS = List.of("contoso", "blank", "seattle", "widget", "marketing");
    /** Diego keeps a personal email address, so the demo shows the second sign-in step (codes print below). */
    private static final String SECOND_STEP_PERSON = "diego.siciliani";
    private static final String SECOND_STEP_ADDRESS = "diego@home.example";
    /** A second organisation, of which Adele is a guest, for the Organizations page. */
    private static final String PARTNER = "Adventure Works";
    private static final String PARTNER_DOMAIN = "adventure-works.example";
    private static final String GUEST = "adele.vance";
    /** Every organisation has an admin: Adventure Works' own. */
    private static final DemoPerson PARTNER_ADMIN = new DemoPerson("lee.gu", "Lee", "Gu", Role.ADMIN);
    /** A new hire without a password, who signs in the first time with a temporary access pass. */
    private static final DemoPerson NEW_HIRE = new DemoPerson("nestor.wilke", "Nestor", "Wilke", Role.MEMBER);
    private static final Duration NEW_HIRE_PASS_LIFETIME = Duration.ofDays(7);

    private record DemoPerson(String localPart, String givenName, String surname, Role role) {
    }

    private static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("adele.vance", "Adele", "Vance", Role.MEMBER),
            new DemoPerson("megan.bowen", "Megan", "Bowen", Role.MEMBER),
            new DemoPerson("lynne.robbins", "Lynne", "Robbins", Role.MEMBER),
            new DemoPerson("diego.siciliani", "Diego", "Siciliani", Role.MEMBER),
            new DemoPerson("alex.wilber", "Alex", "Wilber", Role.ADMIN));

    private final DirectoryService directory;
    private final PolicySettingsStore policies;
    private final PasswordEncoder passwords;
    private final DemoProperties demo;
    private final Environment environment;
    private final TransactionTemplate transaction;
    private final SignInMethods methods;
    private final AccessPasses accessPasses;
    private final TemporaryPasswords temporaryPasswords;
    private Map<String, String> created = Map.of();

    DemoOrganisation(DirectoryService directory, PolicySettingsStore policies, PasswordEncoder passwords,
            DemoProperties demo, Environment environment, TransactionTemplate transaction, SignInMethods methods,
            AccessPasses accessPasses, TemporaryPasswords temporaryPasswords) {
        this.temporaryPasswords = temporaryPasswords;
        this.methods = methods;
        this.accessPasses = accessPasses;
        this.directory = directory;
        this.policies = policies;
        this.passwords = passwords;
        this.demo = demo;
        this.environment = environment;
        this.transaction = transaction;
    }

    /** Runs after every bean is made and before the web server starts, which is the last step of start-up. */
    @Override
    public void afterSingletonsInstantiated() {
        if (demo.enabled() && directory.isEmpty()) {
            created = transaction.execute(status -> createContoso());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (demo.enabled()) {
            print("http://localhost:" + environment.getProperty("local.server.port", "8080") + "/", created,
                    directory.findOrganisationByDomain(DOMAIN).isPresent());
            created = Map.of();
        } else if (directory.isEmpty()) {
            log.warn("The directory is empty. Create the first organisation and its admin with: "
                    + "java -jar myaccount.jar create-admin --organisation <name> --domain <domain> "
                    + "--upn <name@domain> --display-name <name> (the password is read from standard input)");
        }
    }

    private Map<String, String> createContoso() {
        Organisation contoso = directory.createOrganisation("Contoso", DOMAIN);
        Organisation partner = directory.createOrganisation(PARTNER, PARTNER_DOMAIN);
        directory.setProfile(contoso.id(), new OrganisationProfile("https://" + DOMAIN + "/privacy",
                "privacy@" + DOMAIN));
        policies.replaceBannedTerms(contoso.id(), BANNED_TERMS);
        Map<String, String> created = new LinkedHashMap<>();
        for (DemoPerson person : PEOPLE) {
            UUID id = created(contoso, person, created);
            if (person.localPart().equals(SECOND_STEP_PERSON)) {
                methods.add(id, MethodKind.EMAIL, SECOND_STEP_ADDRESS);
            }
            if (person.localPart().equals(GUEST)) {
                directory.addGuest(id, partner.id(), Role.MEMBER);
            }
        }
        created(partner, PARTNER_ADMIN, created);
        String newHire = NEW_HIRE.localPart() + "@" + DOMAIN;
        UUID newHireId = directory.createAccount(new NewAccount(contoso.id(), newHire,
                NEW_HIRE.givenName() + " " + NEW_HIRE.surname(), NEW_HIRE.givenName(), NEW_HIRE.surname(), null,
                false, NEW_HIRE.role()));
        created.put(newHire + " (temporary access pass)",
                accessPasses.issue(newHireId, NEW_HIRE_PASS_LIFETIME, true, "demo").pass());
        return created;
    }

    /** The person, made in the organisation with a password, which is added to {@code created}. */
    private UUID created(Organisation organisation, DemoPerson person, Map<String, String> created) {
        String password = demo.password() == null || demo.password().isBlank() ? temporaryPasswords.make()
                : demo.password();
        String upn = person.localPart() + "@" + organisation.domain();
        UUID id = directory.createAccount(new NewAccount(organisation.id(), upn,
                person.givenName() + " " + person.surname(), person.givenName(), person.surname(),
                passwords.encode(password), false, person.role()));
        created.put(upn + (person.role() == Role.ADMIN ? " (admin)" : ""), password);
        return id;
    }

    /** Printed to the console only, never to the log: these passwords are the demo's, shown this once. */
    private static void print(String url, Map<String, String> created, boolean contosoExists) {
        var out = System.out;
        out.println();
        out.println("  myaccount demo is running at " + url);
        if (created.isEmpty() && !contosoExists) {
            out.println("  The database has organisations already, and the demo fills only an empty one: sign in");
            out.println("  with their people, or start with an empty data directory for the demo.");
        } else if (created.isEmpty()) {
            out.println("  The demo organisation Contoso exists already; its passwords were printed when it was");
            out.println("  created. Remove the data directory to start afresh.");
        } else {
            out.println("  Sign in as one of these people of Contoso, or Adventure Works' admin:");
            created.forEach((upn, password) -> out.printf("    %-54s %s%n", upn, password));
            out.println("  " + SECOND_STEP_PERSON + " is asked for a code sent to " + SECOND_STEP_ADDRESS
                    + "; demo codes appear in this console.");
            out.println("  " + NEW_HIRE.localPart() + " has no password yet: choose \"Sign in with a temporary access pass\"");
            out.println("  on the sign-in page.");
        }
        out.println();
    }
}
