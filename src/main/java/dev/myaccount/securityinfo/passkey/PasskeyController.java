package dev.myaccount.securityinfo.passkey;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.PasskeyList;
import dev.myaccount.securityinfo.SecurityInfoController;
import dev.myaccount.securityinfo.SecurityNotices;
import dev.myaccount.securityinfo.SignInMethods;
import dev.myaccount.securityinfo.SignInSettings;
import dev.myaccount.signin.Confirmation;
import dev.myaccount.signin.SignedInPerson;

/**
 * Passkeys on Security info: the page that makes one (its script runs the WebAuthn ceremony with Spring
 * Security's endpoints), and renaming and deleting one.
 */
@Controller
@RequestMapping(PasskeyController.PAGE)
class PasskeyController {

    static final String PAGE = SecurityInfoController.PAGE + "/passkey";

    private final Passkeys passkeys;
    private final Confirmation confirmation;
    private final MessageSource messages;
    private final SignInMethods methods;
    private final SignInSettings settings;
    private final SecurityNotices notices;

    PasskeyController(Passkeys passkeys, Confirmation confirmation, MessageSource messages, SignInMethods methods,
            SignInSettings settings, SecurityNotices notices) {
        this.notices = notices;
        this.methods = methods;
        this.settings = settings;
        this.messages = messages;
        this.passkeys = passkeys;
        this.confirmation = confirmation;
    }

    @GetMapping
    String create(@AuthenticationPrincipal SignedInPerson person, HttpServletRequest request) {
        return confirmation.needed(person, request, PAGE).orElse("securityinfo/passkey");
    }

    @GetMapping("/{id}/rename")
    String askName(@PathVariable String id, @AuthenticationPrincipal SignedInPerson person, Model model) {
        return passkeys.find(person.upn(), id).map(passkey -> {
            model.addAttribute("passkey", passkey);
            return "securityinfo/passkey-rename";
        }).orElse("redirect:" + SecurityInfoController.PAGE + "?notfound");
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable String id, @RequestParam(defaultValue = "") String name,
            @AuthenticationPrincipal SignedInPerson person, Model model) {
        Optional<PasskeyList.Passkey> passkey = passkeys.find(person.upn(), id);
        if (passkey.isEmpty()) {
            return "redirect:" + SecurityInfoController.PAGE + "?notfound";
        }
        if (!passkeys.rename(person.upn(), id, name)) {
            model.addAttribute("passkey", passkey.get());
            model.addAttribute("error", "passkey.error.name");
            return "securityinfo/passkey-rename";
        }
        return "redirect:" + SecurityInfoController.PAGE + "?renamed";
    }

    @GetMapping("/{id}/delete")
    String askDelete(@PathVariable String id, @AuthenticationPrincipal SignedInPerson person, Model model,
            HttpServletRequest request, Locale language) {
        Optional<PasskeyList.Passkey> passkey = passkeys.find(person.upn(), id);
        if (passkey.isEmpty()) {
            return "redirect:" + SecurityInfoController.PAGE + "?notfound";
        }
        Optional<String> confirm = confirmation.needed(person, request, PAGE + "/" + id + "/delete");
        if (confirm.isPresent()) {
            return confirm.get();
        }
        model.addAttribute("what", messages.getMessage("method.passkey", null, language) + " " + passkey.get().name());
        model.addAttribute("action", PAGE + "/" + id + "/delete");
        return "securityinfo/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, @AuthenticationPrincipal SignedInPerson person,
            HttpServletRequest request) {
        Optional<String> confirm = confirmation.needed(person, request, PAGE + "/" + id + "/delete");
        if (confirm.isPresent()) {
            return confirm.get();
        }
        if (passkeys.find(person.upn(), id).isEmpty()) {
            return "redirect:" + SecurityInfoController.PAGE + "?notfound";
        }
        if (passkeys.of(person.upn()).size() == 1 && methods.of(person.accountId()).isEmpty()
                && settings.secondFactorRequired(person.organisationId())) {
            return "redirect:" + SecurityInfoController.PAGE + "?lastrequired";
        }
        if (!passkeys.remove(person.upn(), id)) {
            return "redirect:" + SecurityInfoController.PAGE + "?notfound";
        }
        notices.methodDeleted(person.accountId(), MethodKind.PASSKEY, Optional.empty());
        return "redirect:" + SecurityInfoController.PAGE + "?deleted";
    }
}
