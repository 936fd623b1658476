package dev.myaccount.web;

import java.util.List;
import java.util.function.Supplier;

import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import jakarta.servlet.DispatcherType;

import dev.myaccount.running.RunningRequests;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        return new SupportedLanguages();
    }

    /** One configuration of the bundles for the pages, Tomcat's error pages and the command line. */
    @Bean
    MessageSource messageSource() {
        return new PortalMessages();
    }

    /** {@code ?lang=nl} on any page switches the language (the switch in every page's header). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languageSwitch = new LocaleChangeInterceptor();
        languageSwitch.setParamName("lang");
        languageSwitch.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languageSwitch);
    }

    /**
     * On the request and on its error page, before anything reads a parameter; right after Spring Boot's
     * filter that declares the body UTF-8, which must come first for parameters to be read as UTF-8.
     */
    @Bean
    FilterRegistrationBean<UnreadableRequests> unreadableRequests() {
        var registration = new FilterRegistrationBean<>(new UnreadableRequests());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    @Bean
    RunningRequests runningRequests(PortalProperties portal, JdbcConnectionDetails database, MeterRegistry meters) {
        return new RunningRequests(portal.runningRequests(database.getJdbcUrl(),
                Runtime.getRuntime().availableProcessors()), RunningRequests.LONGEST_RESUME, meters);
    }

    /** First of all filters: a request waits for its turn before anything reads it. */
    @Bean
    FilterRegistrationBean<RunningRequests> runningRequestsFilter(RunningRequests running) {
        var registration = new FilterRegistrationBean<>(running);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    ErrorValveInstaller errorValveInstaller(ObjectProvider<ErrorForm> forms) {
        return new ErrorValveInstaller(() -> forms.orderedStream().toList());
    }

    /**
     * Puts the portal's page in place of Tomcat's for the errors Tomcat answers itself. Last of the
     * customizers, so that the valve Spring Boot adds to the host is there to be replaced.
     */
    static final class ErrorValveInstaller
            implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        private final Supplier<List<ErrorForm>> forms;

        ErrorValveInstaller(Supplier<List<ErrorForm>> forms) {
            this.forms = forms;
        }

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new PortalErrorValve(forms));
                host.setErrorReportValveClass(PortalErrorValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
