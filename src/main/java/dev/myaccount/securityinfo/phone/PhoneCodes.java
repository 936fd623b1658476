package dev.myaccount.securityinfo.phone;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import dev.myaccount.notification.Notifier;
import dev.myaccount.securityinfo.CodeByMessage;
import dev.myaccount.securityinfo.MethodKind;
import dev.myaccount.securityinfo.OneTimeCodes;
import dev.myaccount.securityinfo.SecurityInfoProperties;

/** Codes sent by text message to a person's phone number (E.164). */
@Component
class PhoneCodes extends CodeByMessage {

    PhoneCodes(OneTimeCodes codes, Notifier notifier, MessageSource messages, SecurityInfoProperties settings) {
        super(codes, notifier, messages, settings);
    }

    @Override
    public MethodKind kind() {
        return MethodKind.PHONE;
    }

    /** A number that can be a mobile number, typed with its country code, stored in E.164 ("+31612345678"). */
    @Override
    public Optional<String> destination(String typed, String workAddress) {
        PhoneNumberUtil numbers = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber number = numbers.parse(typed.strip(), null);
            PhoneNumberUtil.PhoneNumberType type = numbers.getNumberType(number);
            boolean mobile = type == PhoneNumberUtil.PhoneNumberType.MOBILE
                    || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
            return numbers.isValidNumber(number) && mobile
                    ? Optional.of(numbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    protected void deliver(String number, String code, Locale language) {
        notifier.sms(number, text("phone.code.text", code, language));
    }
}
