package dev.myaccount.directory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reads the organisations' own directories on schedule; {@link Directories} decides whose turn it is. */
@Component
class DirectorySchedule {

    private final Directories directories;

    DirectorySchedule(Directories directories) {
        this.directories = directories;
    }

    @Scheduled(fixedDelayString = "${myaccount.directory.check-every:PT30S}",
            initialDelayString = "${myaccount.directory.check-every:PT30S}")
    void readDue() {
        directories.syncDue();
    }
}
