package dev.myaccount.session;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The sessions of an account on every node: they live in the shared database, indexed by the
 * principal name (the UPN), so ending them here ends them everywhere.
 */
@Service
public class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account but the one with id {@code keep}; returns how many ended. */
    public int endAllExcept(String upn, String keep) {
        var others = sessions.findByPrincipalName(upn).keySet().stream().filter(id -> !id.equals(keep)).toList();
        others.forEach(sessions::deleteById);
        return others.size();
    }

    /** Ends every session of the account, the caller's own included; returns how many ended. */
    public int endAll(String upn) {
        var found = sessions.findByPrincipalName(upn).keySet();
        found.forEach(sessions::deleteById);
        return found.size();
    }
}
