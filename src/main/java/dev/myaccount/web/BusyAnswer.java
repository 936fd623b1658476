package dev.myaccount.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import dev.myaccount.credential.HashingBusyException;

/**
 * A page whose work needs a password hash while too many are waiting (Change password during a flood of
 * sign-ins) gets the localized busy page with Retry-After, as the sign-in does, never a 500.
 */
@ControllerAdvice
class BusyAnswer {

    @ExceptionHandler(HashingBusyException.class)
    ModelAndView busy(HashingBusyException busy, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfter().toSeconds()));
        return ErrorPages.page(HttpStatus.SERVICE_UNAVAILABLE.value());
    }
}
