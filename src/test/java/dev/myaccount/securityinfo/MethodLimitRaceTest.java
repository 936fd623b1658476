package dev.myaccount.securityinfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.myaccount.support.PortalTest;
import dev.myaccount.support.PortalTestCase;
import dev.myaccount.support.TestPeople.Person;

/** Fifty methods added at once leave a person with the ten allowed, one of them the default. */
@PortalTest
class MethodLimitRaceTest extends PortalTestCase {

    @Autowired
    SignInMethods signInMethods;

    @Test
    void fiftyAddsAtOnceKeepTheLimitAndOneDefault() throws Exception {
        Person person = people.create();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<UUID>>> adds = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String address = "pat" + i + "@example.net";
                adds.add(pool.submit(() -> {
                    start.await();
                    return signInMethods.add(person.id(), MethodKind.EMAIL, address);
                }));
            }
            start.countDown();
            int added = 0;
            for (Future<Optional<UUID>> add : adds) {
                added += add.get().isPresent() ? 1 : 0;
            }

            assertThat(added).isEqualTo(SignInMethods.MOST_PER_PERSON);
            assertThat(jdbc.sql("select count(*) from sign_in_method where account_id = ?").param(person.id())
                    .query(Integer.class).single()).isEqualTo(SignInMethods.MOST_PER_PERSON);
            assertThat(jdbc.sql("select count(*) from sign_in_method where account_id = ? and is_default")
                    .param(person.id()).query(Integer.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
