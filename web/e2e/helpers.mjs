// Drives Debian's Chromium through playwright-core against the platform as `./amk up` starts it (BASE_URL).
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export const BASE = process.env.AMK_BASE_URL ?? 'http://localhost:8080';
/** The embedded platform's dev mailbox (GreenMail behind ./amk up): every e-mail the platform sent, as JSON at /api/messages. */
export const MAILBOX = process.env.AMK_MAILBOX_URL ?? `http://localhost:${process.env.AMK_MAILBOX_PORT ?? 8025}`;
export const PASSWORD = 'Demo#2026';
export const SHOTS = process.env.AMK_SCREENSHOTS ?? join(import.meta.dirname, '..', 'test-results', 'screenshots');
export const PHONE = { width: 360, height: 640 };
export const LAPTOP = { width: 1366, height: 800 };
mkdirSync(SHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-quic', '--no-first-run', '--disable-sync'],
  });
}

/** A person's browser: Indonesian by default, phone-sized unless told otherwise. */
export async function person(browser, viewport = PHONE) {
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta', hasTouch: viewport === PHONE });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/.test(m.text())) errors.push(m.text()); });
  return { context, page, errors };
}

/** Signs in through the gateway and identity-service's page; returns the milliseconds until the caseload was usable. */
export async function signIn(page, username) {
  await page.goto(BASE + '/');
  await page.getByRole('link', { name: 'Masuk' }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORD);
  const started = Date.now();
  await page.locator('button[type=submit]').click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return Date.now() - started;
}

const timings = [];
/** Records how long a screen took to become interactive. */
export function timing(screen, ms) {
  timings.push({ screen, ms });
}
export function writeTimings(file) {
  writeFileSync(file, JSON.stringify(timings, null, 2));
  return timings;
}

/** A screenshot of the page as it is, and no serious or critical accessibility violation on it (axe-core). */
export async function check(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(width <= 0, `${name}: scrolls ${width}px sideways`);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), [], `${name}: accessibility`);
}

/** Every button and link the user can tap is at least 44 px high (WCAG 2.5.5 target size). */
export async function touchTargets(page, name) {
  const small = await page.evaluate(() => [...document.querySelectorAll('button, a.button, .tabs a, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), label.check')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => ({ e: e.tagName + (e.textContent ?? '').trim().slice(0, 20), h: e.getBoundingClientRect().height }))
    .filter((x) => x.h < 43.5));
  assert.deepEqual(small, [], `${name}: touch targets under 44 px`);
}
