package dev.myaccount.admin;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.myaccount.credential.AccessPasses;
import dev.myaccount.people.Account;
import dev.myaccount.securityinfo.PasskeyList;
import dev.myaccount.securityinfo.SignInMethods;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SignInLog;

/** What the admin's page of one person shows besides the person: methods, passkeys, recent sign-ins, pass, sessions. */
@Component
class PersonDetails {

    private static final int RECENT_SIGN_INS = 10;

    private final SignInMethods methods;
    private final PasskeyList passkeys;
    private final SignInLog signIns;
    private final AccessPasses passes;
    private final AccountSessions sessions;

    PersonDetails(SignInMethods methods, PasskeyList passkeys, SignInLog signIns, AccessPasses passes,
            AccountSessions sessions) {
        this.methods = methods;
        this.passkeys = passkeys;
        this.signIns = signIns;
        this.passes = passes;
        this.sessions = sessions;
    }

    void addTo(Model model, Account person) {
        model.addAttribute("methods", methods.of(person.id()));
        model.addAttribute("passkeys", passkeys.of(person.upn()));
        model.addAttribute("signIns", signIns.page(person.id(), 0, RECENT_SIGN_INS).entries());
        model.addAttribute("pass", passes.live(person.id()).orElse(null));
        model.addAttribute("sessions", sessions.count(person.upn()));
    }
}
