package dev.myaccount.admin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.myaccount.audit.RequestOrigin;
import dev.myaccount.directory.Directories;
import dev.myaccount.directory.DirectoryKind;
import dev.myaccount.directory.DirectorySettings;
import dev.myaccount.signin.SignedInPerson;

/**
 * The admin's Directory page: whether the organisation's people and passwords are the portal's own or those of its
 * own OpenLDAP or Active Directory, and where that is and how to read it; Test connection says what the settings
 * find before they are kept; Read now brings the people in at once instead of at the next scheduled reading.
 */
@Controller
@RequestMapping(DirectoryController.PAGE)
class DirectoryController {

    static final String PAGE = AdminAccess.ROOT + "/directory";

    private final Directories directories;

    DirectoryController(Directories directories) {
        this.directories = directories;
    }

    /**
     * The form as typed; a kind's usual settings fill it when the organisation has none yet. A box left unticked
     * sends nothing, hence the booleans that may be null.
     */
    record Form(DirectoryKind kind, String url, Boolean startTls, Boolean plainForTesting, String caCertificate,
            String bindDn, String bindPassword, String peopleBase, String peopleFilter, String upnAttribute,
            String displayNameAttribute, String givenNameAttribute, String surnameAttribute, String emailAttribute,
            String phoneAttribute, String disabledFilter, String adminGroupDn) {

        static Form of(DirectorySettings settings) {
            return new Form(settings.kind(), settings.url(), settings.startTls(), settings.plainForTesting(),
                    settings.caCertificate(), settings.bindDn(), "", settings.peopleBase(), settings.peopleFilter(),
                    settings.upnAttribute(), settings.displayNameAttribute(), settings.givenNameAttribute(),
                    settings.surnameAttribute(), settings.emailAttribute(), settings.phoneAttribute(),
                    settings.disabledFilter(), settings.adminGroupDn());
        }

        DirectorySettings settings() {
            return new DirectorySettings(null, kind == null ? DirectoryKind.OPENLDAP : kind, url,
                    Boolean.TRUE.equals(startTls), Boolean.TRUE.equals(plainForTesting), caCertificate, bindDn,
                    bindPassword, peopleBase, peopleFilter, upnAttribute, displayNameAttribute, givenNameAttribute,
                    surnameAttribute, emailAttribute, phoneAttribute, disabledFilter, adminGroupDn);
        }
    }

    @GetMapping
    String page(@RequestParam(required = false) DirectoryKind kind, @AuthenticationPrincipal SignedInPerson admin,
            Model model) {
        Form form = directories.settings(admin.asActor()).map(Form::of)
                .orElseGet(() -> Form.of(DirectorySettings.startingWith(null,
                        kind == null ? DirectoryKind.OPENLDAP : kind)));
        return page(admin, form, null, model);
    }

    @PostMapping
    String saveOrTest(@ModelAttribute Form form, @RequestParam(defaultValue = "save") String action,
            @AuthenticationPrincipal SignedInPerson admin, Model model, HttpServletRequest request) {
        Directories.Answer answer = action.equals("test") ? directories.test(admin.asActor(), form.settings())
                : directories.save(admin.asActor(), form.settings(), RequestOrigin.of(request));
        return page(admin, form, answer, model);
    }

    @PostMapping("/read")
    String readNow(@AuthenticationPrincipal SignedInPerson admin, Model model, HttpServletRequest request) {
        Directories.Answer answer = directories.syncNow(admin.asActor(), RequestOrigin.of(request));
        Form form = directories.settings(admin.asActor()).map(Form::of)
                .orElseGet(() -> Form.of(DirectorySettings.startingWith(null, DirectoryKind.OPENLDAP)));
        return page(admin, form, answer, model);
    }

    private String page(SignedInPerson admin, Form form, Directories.Answer answer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("answer", answer);
        model.addAttribute("configured", directories.settings(admin.asActor()).isPresent());
        model.addAttribute("lastReading", directories.lastReading(admin.asActor()).orElse(null));
        model.addAttribute("kinds", DirectoryKind.values());
        return "admin/directory";
    }
}
