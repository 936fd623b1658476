// Live checklist and strength meter for the Change password page. The page works without this script:
// the server checks everything again on Submit. Every text shown comes from the page or the server.
(function () {
    'use strict';
    var form = document.querySelector('form[data-check-url]');
    if (!form || !window.fetch) {
        return;
    }
    var input = form.querySelector('#newPassword');
    var policy = document.getElementById('policy');
    var strength = policy.querySelector('.strength');
    var meter = document.getElementById('strength-meter');
    var strengthLabel = document.getElementById('strength-label');
    var reasons = document.getElementById('live-reasons');
    var timer = null;
    var latest = 0;

    function show(answer) {
        policy.querySelectorAll('li[data-check]').forEach(function (item) {
            var failed = answer.failedChecks.indexOf(item.dataset.check) >= 0;
            item.dataset.state = failed ? 'failed' : 'passed';
            item.querySelector('.state').textContent = failed ? policy.dataset.notMet : policy.dataset.met;
        });
        strength.hidden = false;
        meter.value = answer.strength;
        strengthLabel.textContent = answer.strengthLabel;
        reasons.replaceChildren.apply(reasons, answer.reasons.map(function (reason) {
            var item = document.createElement('li');
            item.textContent = reason.message;
            return item;
        }));
    }

    function clear() {
        policy.querySelectorAll('li[data-check]').forEach(function (item) {
            delete item.dataset.state;
            item.querySelector('.state').textContent = '';
        });
        strength.hidden = true;
        reasons.replaceChildren();
    }

    // Busy from a keystroke until the answer to the last one is shown: screen readers then read the answer
    // once, and the form below does not move under a pointer that is about to select Submit. An earlier
    // answer that comes while a later keystroke still waits for its check leaves the checklist busy.
    function settled() {
        if (timer === null) {
            policy.removeAttribute('aria-busy');
        }
    }

    function check() {
        timer = null;
        var mine = ++latest;
        if (input.value === '') {
            clear();
            settled();
            return;
        }
        var body = new URLSearchParams();
        body.set('newPassword', input.value);
        body.set('_csrf', form.querySelector('input[name="_csrf"]').value);
        fetch(form.dataset.checkUrl, {
            method: 'POST',
            body: body,
            credentials: 'same-origin',
            headers: {'Accept': 'application/json'}
        }).then(function (response) {
            return response.json().then(function (answer) {
                if (mine !== latest) {
                    return;
                }
                if (response.ok) {
                    show(answer);
                } else if (answer.message) {
                    reasons.replaceChildren(document.createTextNode(answer.message));
                }
                settled();
            });
        }).catch(function () {
            // The live check is a help only; Submit still checks everything.
            if (mine === latest) {
                settled();
            }
        });
    }

    input.addEventListener('input', function () {
        policy.setAttribute('aria-busy', 'true');
        clearTimeout(timer);
        timer = setTimeout(check, 200);
    });
}());
