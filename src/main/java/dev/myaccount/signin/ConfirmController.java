package dev.myaccount.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.credential.HashingBusyException;
import dev.myaccount.people.Account;
import dev.myaccount.people.DirectoryService;
import dev.myaccount.people.DirectoryUnreachableException;
import dev.myaccount.people.PasswordChecks;

/** The page where a signed-in person confirms their password before a sensitive change. */
@Controller
class ConfirmController {

    private static final String VIEW = "signin/confirm";

    private final Confirmation confirmation;
    private final SecretDoors doors;
    private final DirectoryService directory;
    private final PasswordChecks passwords;
    private final SignInDetails.Source browsers;

    ConfirmController(Confirmation confirmation, SecretDoors doors, DirectoryService directory,
            PasswordChecks passwords, SignInDetails.Source browsers) {
        this.browsers = browsers;
        this.confirmation = confirmation;
        this.doors = doors;
        this.directory = directory;
        this.passwords = passwords;
    }

    @GetMapping(Confirmation.PAGE)
    String page() {
        return VIEW;
    }

    @PostMapping(Confirmation.PAGE)
    String confirm(@RequestParam(defaultValue = "") String password, @AuthenticationPrincipal SignedInPerson person,
            Model model, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (password.isEmpty()) {
            return refused("confirm.error.required", model);
        }
        Account account = directory.find(person.accountId()).orElseThrow();
        SecretDoors.Answer answer;
        try {
            answer = doors.check(SignInDoor.CONFIRM_IDENTITY, account, password, browsers.buildDetails(request),
                    () -> passwords.matches(account, password));
        } catch (HashingBusyException busy) {
            return refused("confirm.error.busy", model);
        } catch (DirectoryUnreachableException unreachable) {
            return refused("directory.error.unreachable", model);
        }
        return switch (answer) {
            case WRONG -> refused("confirm.error.wrong", model);
            case LOCKED -> refused("confirm.error.locked", model);
            case RIGHT -> {
                confirmation.passwordRight(person, request, response);
                yield null;
            }
        };
    }

    private static String refused(String messageKey, Model model) {
        model.addAttribute("error", messageKey);
        return VIEW;
    }
}
