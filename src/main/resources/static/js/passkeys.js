// Passkeys: creates one on Security info, and signs in (or proves a reset) with one, through Spring
// Security's WebAuthn endpoints. Pages work without this script; it only shows the passkey controls
// where the browser can use them. On a signed-in person's pages it tells their authenticators, where the
// browser can, the UPN and name they now have and which of their passkeys the portal still knows.
(() => {
    "use strict";

    const toBase64Url = (buffer) => btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");

    const fromBase64Url = (text) => {
        const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
        return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
    };

    const post = async (url, csrf, body) => {
        const response = await fetch(url, {
            method: "POST",
            headers: {"Content-Type": "application/json", "X-CSRF-TOKEN": csrf},
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        if (!response.ok) {
            throw new Error("HTTP " + response.status);
        }
        return response.json();
    };

    const showError = (where, text) => {
        where.replaceChildren();
        const message = document.createElement("p");
        message.className = "message error";
        message.setAttribute("role", "alert");
        message.textContent = text;
        where.append(message);
    };

    async function register(form) {
        const csrf = form.querySelector("input[name=_csrf]").value;
        const options = await post("/webauthn/register/options", csrf);
        const created = await navigator.credentials.create({
            publicKey: {
                ...options,
                challenge: fromBase64Url(options.challenge),
                user: {...options.user, id: fromBase64Url(options.user.id)},
                excludeCredentials: (options.excludeCredentials || [])
                    .map((known) => ({...known, id: fromBase64Url(known.id)}))
            }
        });
        const answer = await post("/webauthn/register", csrf, {
            publicKey: {
                label: form.querySelector("#passkey-name").value.trim(),
                credential: {
                    id: created.id,
                    rawId: toBase64Url(created.rawId),
                    type: created.type,
                    response: {
                        attestationObject: toBase64Url(created.response.attestationObject),
                        clientDataJSON: toBase64Url(created.response.clientDataJSON),
                        transports: created.response.getTransports ? created.response.getTransports() : []
                    },
                    clientExtensionResults: created.getClientExtensionResults(),
                    authenticatorAttachment: created.authenticatorAttachment
                }
            }
        });
        if (!answer.success) {
            throw new Error("Not registered");
        }
    }

    async function signIn(csrf, url) {
        const options = await post("/webauthn/authenticate/options", csrf);
        const used = await navigator.credentials.get({
            publicKey: {
                ...options,
                challenge: fromBase64Url(options.challenge),
                allowCredentials: (options.allowCredentials || [])
                    .map((known) => ({...known, id: fromBase64Url(known.id)}))
            }
        });
        const answer = await post(url, csrf, {
            id: used.id,
            rawId: toBase64Url(used.rawId),
            credType: used.type,
            response: {
                authenticatorData: toBase64Url(used.response.authenticatorData),
                clientDataJSON: toBase64Url(used.response.clientDataJSON),
                signature: toBase64Url(used.response.signature),
                userHandle: used.response.userHandle ? toBase64Url(used.response.userHandle) : undefined
            },
            clientExtensionResults: used.getClientExtensionResults(),
            authenticatorAttachment: used.authenticatorAttachment
        });
        return answer.redirectUrl;
    }

    if (!window.PublicKeyCredential) {
        return;
    }

    const holder = document.getElementById("passkey-holder");
    if (holder) {
        const {rpId, userId, name, displayName, credentialIds} = holder.dataset;
        if (PublicKeyCredential.signalCurrentUserDetails) {
            PublicKeyCredential.signalCurrentUserDetails({rpId, userId, name, displayName}).catch(() => {});
        }
        if (PublicKeyCredential.signalAllAcceptedCredentials) {
            PublicKeyCredential.signalAllAcceptedCredentials({rpId, userId,
                allAcceptedCredentialIds: credentialIds ? credentialIds.split(" ") : []}).catch(() => {});
        }
    }

    const form = document.getElementById("passkey-register");
    if (form) {
        form.hidden = false;
        document.getElementById("passkey-unsupported").hidden = true;
        form.addEventListener("submit", async (event) => {
            event.preventDefault();
            if (!form.reportValidity()) {
                return;
            }
            try {
                await register(form);
                window.location.assign(form.dataset.done);
            } catch (failure) {
                showError(document.getElementById("passkey-error"), form.dataset.failed);
            }
        });
    }

    const button = document.getElementById("passkey-signin");
    if (button) {
        button.hidden = false;
        const unsupported = document.getElementById("passkey-unsupported");
        if (unsupported) {
            unsupported.hidden = true;
        }
        button.addEventListener("click", async () => {
            const csrf = document.querySelector("input[name=_csrf]").value;
            try {
                window.location.assign(await signIn(csrf, button.dataset.url || "/login/webauthn"));
            } catch (failure) {
                showError(document.getElementById("passkey-signin-error"), button.dataset.failed);
            }
        });
    }
})();
