package dev.myaccount.securityinfo;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An organisation's sign-in settings, where it has its own; the configured defaults otherwise. */
@Service
public class SignInSettings {

    private final JdbcClient jdbc;
    private final SecurityInfoProperties defaults;

    SignInSettings(JdbcClient jdbc, SecurityInfoProperties defaults) {
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    /** Whether everyone of the organisation must use a second sign-in step (and so keep a method for it). */
    public boolean secondFactorRequired(UUID organisationId) {
        return jdbc.sql("select second_factor_required from organisation_sign_in_settings where organisation_id = ?")
                .param(organisationId).query(Boolean.class).optional().orElse(defaults.secondFactorRequired());
    }

    public void requireSecondFactor(UUID organisationId, boolean required) {
        jdbc.sql("""
                insert into organisation_sign_in_settings (organisation_id, second_factor_required) values (?, ?)
                on conflict do nothing""")
                .params(organisationId, required).update();
        jdbc.sql("update organisation_sign_in_settings set second_factor_required = ? where organisation_id = ?")
                .params(required, organisationId).update();
    }
}
