package dev.quartermaster.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Starts what every test server expects to find before the first one starts: the provider fakes. */
public class TestSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ProviderFakes.start();
    }
}
