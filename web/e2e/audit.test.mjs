// Who read children's data: a supervisor sees the reads of their province (the caseload they just opened among them),
// an administrator every service's reads and whether each chain of entries is unbroken. Phone and laptop, Indonesian.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, LAPTOP, PHONE, check, launch, person, signIn, touchTargets } from './helpers.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('the read audit in the console', () => {
  it('shows a supervisor the reads of their province, their own caseload among them', async () => {
    const supervisor = await person(browser, PHONE);
    try {
      const { page } = supervisor;
      // the caseload the supervisor lands on is read (and audited) once its request has answered: the audit is opened after
      // that, not while it is still on its way (under load the audit list was read first and the supervisor's read missing)
      const caseload = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases' && r.request().method() === 'GET',
        { timeout: 30_000 });
      await signIn(page, 'supervisor.jabar');
      assert.equal((await caseload).status(), 200);
      await page.getByRole('link', { name: 'Jejak akses' }).click();
      await page.getByRole('heading', { name: 'Jejak akses data anak' }).waitFor();
      await page.getByText('Siapa membaca data anak di provinsi Anda').waitFor();
      await page.getByText('Membuka daftar kasus').first().waitFor();
      assert.ok(await page.getByText(/supervisor\.jabar/).first().isVisible(), 'the supervisor\'s own read is listed');
      assert.equal(await page.getByRole('button', { name: 'Periksa keutuhan catatan' }).count(), 0, 'verification is for admins');
      await check(page, 'phone-audit-supervisor');
      await touchTargets(page, 'phone-audit-supervisor');
    } finally {
      await supervisor.context.close();
    }
  });

  it('lets an administrator check that no service\'s record was changed', async () => {
    const admin = await person(browser, LAPTOP);
    try {
      const { page } = admin;
      await signIn(page, 'admin');
      await page.getByRole('link', { name: 'Jejak akses' }).click();
      await page.getByRole('heading', { name: 'Jejak akses data anak' }).waitFor();
      for (const area of ['cases', 'referrals', 'reports']) {
        await page.getByLabel('Layanan').selectOption(area);
        await page.getByRole('button', { name: 'Periksa keutuhan catatan' }).click();
        await page.getByText(/Catatan utuh: \d+ entri/).waitFor();
      }
      await page.getByLabel('Layanan').selectOption('cases');
      await page.getByRole('button', { name: 'Periksa keutuhan catatan' }).click();
      await page.getByText(/Catatan utuh: \d+ entri/).waitFor();
      await check(page, 'laptop-audit-admin');
      assert.ok(page.url().startsWith(BASE));
    } finally {
      await admin.context.close();
    }
  });
});
