package dev.myaccount.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.myaccount.policy.PasswordPolicy;
import dev.myaccount.policy.PolicyContext;
import dev.myaccount.policy.PolicyProperties;
import dev.myaccount.policy.PolicyVerdict;
import dev.myaccount.web.PortalMessages;

/**
 * {@code java -jar myaccount.jar policy check}: the portal's password policy with its default settings,
 * for IT to try passwords against, one JSON object a line in, one JSON verdict a line out. Needs no
 * database and starts no server.
 */
@Command(name = PolicyCheckCommand.NAME, mixinStandardHelpOptions = true, description = "The password policy, without the portal.")
public final class PolicyCheckCommand {

    public static final String NAME = "policy";

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals(NAME);
    }

    public static int run(String[] args, InputStream in, PrintStream out) {
        return new CommandLine(new PolicyCheckCommand()).addSubcommand(new Check(in, out))
                .execute(Arrays.copyOfRange(args, 1, args.length));
    }

    /** One line of input: the candidate and whom it is for. */
    record Request(String password, String upn, String displayName, String givenName, String surname,
            String organisation, List<String> bannedTerms, String language) {
    }

    @Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Reads one JSON object a line from standard input:",
        "  {\"password\": …, \"upn\": …, \"displayName\": …, \"givenName\": …, \"surname\": …,",
        "   \"organisation\": …, \"bannedTerms\": […], \"language\": \"en\"|\"nl\"}",
        "and writes one JSON verdict a line: {\"accepted\": …, \"reasons\": [{\"code\": …, \"message\": …}],",
        "\"score\": 0-4 (strength), \"points\": …}. A line that is not such an object gets {\"error\": …}",
        "and the command ends with status 2."})
    static final class Check implements Callable<Integer> {

        @Option(names = "--language", description = "Language of the messages when a line names none: en or nl.")
        String language = "en";

        private final InputStream in;
        private final PrintStream out;

        Check(InputStream in, PrintStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        public Integer call() throws Exception {
            PasswordPolicy policy = new PasswordPolicy(PolicyProperties.defaults());
            PortalMessages messages = new PortalMessages();
            JsonMapper json = JsonMapper.builder().build();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int status = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> answer = new LinkedHashMap<>();
                try {
                    Request request = json.readValue(line, Request.class);
                    if (request.password() == null) {
                        throw new IllegalArgumentException("\"password\" is missing");
                    }
                    Locale locale = Locale.forLanguageTag(request.language() == null ? language : request.language());
                    PolicyVerdict verdict = policy.evaluate(request.password(), context(request, policy));
                    answer.put("accepted", verdict.accepted());
                    answer.put("reasons", verdict.reasons().stream().map(reason -> Map.of("code", reason.code(),
                            "message", messages.getMessage(reason.messageKey(), reason.arguments().toArray(), locale)))
                            .toList());
                    answer.put("score", verdict.strength());
                    answer.put("points", verdict.points());
                } catch (JacksonException | IllegalArgumentException e) {
                    answer.put("error", "Not a password request: " + e.getMessage().lines().findFirst().orElse(""));
                    status = 2;
                }
                out.println(json.writeValueAsString(answer));
            }
            out.flush();
            return status;
        }

        private static PolicyContext context(Request request, PasswordPolicy policy) {
            String domain = request.upn() != null && request.upn().contains("@") ? request.upn().split("@", 2)[1] : null;
            return PolicyContext.withoutHistory(request.upn(), request.displayName(), request.givenName(),
                    request.surname(), request.organisation(), domain, policy.defaults(),
                    request.bannedTerms() == null ? List.of() : request.bannedTerms());
        }
    }
}
