package dev.myaccount.account;

import java.time.ZonedDateTime;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.myaccount.apps.AppGrants;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.securityinfo.PasskeyList;
import dev.myaccount.securityinfo.SignInMethods;
import dev.myaccount.session.AccountSessions;
import dev.myaccount.signin.SignInLog;
import dev.myaccount.signin.SignedInPerson;
import dev.myaccount.web.PersonalSettings;
import dev.myaccount.web.PortalProperties;

/** My Account's Overview: who the person is and a tile for each page, with its state. */
@Controller
class OverviewController {

    private final DirectoryService directory;
    private final PortalProperties portal;
    private final SignInMethods methods;
    private final PasskeyList passkeys;
    private final AccountSessions sessions;
    private final SignInLog signIns;
    private final AppGrants apps;

    OverviewController(DirectoryService directory, PortalProperties portal, SignInMethods methods,
            PasskeyList passkeys, AccountSessions sessions, SignInLog signIns, AppGrants apps) {
        this.signIns = signIns;
        this.apps = apps;
        this.sessions = sessions;
        this.passkeys = passkeys;
        this.methods = methods;
        this.directory = directory;
        this.portal = portal;
    }

    /** Where people who bookmarked "My Account" by that name land. */
    @GetMapping({"/account", "/account/"})
    String account() {
        return "redirect:/";
    }

    @GetMapping("/")
    String overview(@AuthenticationPrincipal SignedInPerson person, Model model, HttpServletRequest request) {
        Account account = directory.find(person.accountId()).orElseThrow();
        ZonedDateTime changed = account.passwordChangedAt() == null ? null
                : account.passwordChangedAt().atZone(PersonalSettings.zone(request, portal.timeZone()));
        model.addAttribute("account", account);
        model.addAttribute("passwordChangedAt", changed);
        model.addAttribute("deviceCount", sessions.count(person.upn()));
        model.addAttribute("lastSignIn", signIns.page(person.accountId(), 0, 1).entries().stream().findFirst()
                .map(entry -> entry.at().atZone(PersonalSettings.zone(request, portal.timeZone()))).orElse(null));
        model.addAttribute("appCount", apps.count(person.accountId()));
        model.addAttribute("organisationCount", directory.memberships(person.accountId()).size());
        Optional<PasskeyList.Holder> holder = passkeys.holder(person.upn());
        model.addAttribute("passkeyHolder", holder.orElse(null));
        model.addAttribute("methodCount", methods.of(person.accountId()).size()
                + holder.map(found -> found.passkeys().size()).orElse(0));
        return "account/overview";
    }
}
