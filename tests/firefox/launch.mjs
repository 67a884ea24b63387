// How every Firefox test starts Firefox ESR: headless, driven over WebDriver BiDi, on the
// profile folder the test made, accepting an unsigned extension.
import puppeteer from 'puppeteer-core';

/** Firefox on `profile`, with `args` added and `prefs` over the shared ones. */
export function launchFirefox(profile, { args = [], prefs = {} } = {}) {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_BIN ?? '/usr/bin/firefox-esr',
    protocol: 'webDriverBiDi',
    headless: true,
    userDataDir: profile,
    args,
    extraPrefsFirefox: { 'xpinstall.signatures.required': false, ...prefs },
  });
}
