package dev.myaccount.password;

/** What the person typed; never sent back to the page. */
public record ChangePasswordForm(String currentPassword, String newPassword, String confirmPassword) {

    public ChangePasswordForm {
        currentPassword = currentPassword == null ? "" : currentPassword;
        newPassword = newPassword == null ? "" : newPassword;
        confirmPassword = confirmPassword == null ? "" : confirmPassword;
    }
}
