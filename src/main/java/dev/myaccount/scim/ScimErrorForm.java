package dev.myaccount.scim;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

import dev.myaccount.web.ErrorForm;

/** Every address under the SCIM API answers SCIM's JSON error, a request refused before the portal too. */
@Component
class ScimErrorForm implements ErrorForm {

    @Override
    public boolean covers(String rawPath) {
        return rawPath.equals(ScimSecurity.ROOT) || rawPath.startsWith(ScimSecurity.ROOT + "/")
                || rawPath.startsWith(ScimSecurity.ROOT + ";") || rawPath.startsWith(ScimSecurity.ROOT + "%");
    }

    @Override
    public void write(HttpServletResponse response, int status) throws IOException {
        ScimJson.writeError(response, status, null, "The request is not one the SCIM API reads.");
    }
}
