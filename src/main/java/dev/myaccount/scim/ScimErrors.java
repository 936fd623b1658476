package dev.myaccount.scim;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;

/** Every error of the SCIM API in SCIM's JSON error form (RFC 7644, 3.12), not the portal's pages. */
@RestControllerAdvice(basePackageClasses = ScimErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScimErrors {

    @ExceptionHandler(ScimException.class)
    ResponseEntity<byte[]> scim(ScimException problem) {
        return ScimJson.error(problem);
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestValueException.class})
    ResponseEntity<byte[]> badParameter(Exception problem) {
        return ScimJson.error(BadRequestException.invalidValue("A query parameter is missing or not a number."));
    }
}
