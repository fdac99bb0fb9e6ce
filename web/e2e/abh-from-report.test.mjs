// A Lapor Sosial report about a child in conflict with the law (ABH), accepted into a case without knowing the child:
// when the worker records the child's details, the app asks for the child's role (perpetrator, victim, witness), as
// case-service requires it then; the case shows it. On a phone, in Indonesian.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, check, launch, person, signIn } from './helpers.mjs';

let browser;
const stamp = Date.now().toString(36);

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('a worker takes in an ABH report and learns the child later', () => {
  let worker;
  before(async () => { worker = await person(browser, PHONE); await signIn(worker.page, 'peksos.bandung'); });
  after(async () => { await worker.context.close(); });

  it('states the child\'s role with the child\'s details, and the case shows it', async () => {
    const sent = await fetch(BASE + '/api/public/reports', {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Language': 'id' },
      body: JSON.stringify({ whatHappened: `Anak ikut tawuran dan ditahan warga ${stamp}`, regionCode: '32.73', inDangerNow: false,
        anonymous: true }),
    });
    assert.equal(sent.status, 201, await sent.text());

    const { page } = worker;
    await page.getByRole('link', { name: 'Lapor Sosial' }).click();
    await page.getByRole('heading', { name: 'Lapor Sosial' }).waitFor();
    // the inbox lists reports by who reported; the one of this test is found by its text, as the worker's session reads it
    const reportId = await page.evaluate(async (text) => {
      for (let attempt = 0; attempt < 30; attempt++) {
        const list = await (await fetch('/api/reports?status=SUBMITTED&size=100')).json();
        for (const r of list) {
          const detail = await (await fetch(`/api/reports/${r.reportId}`)).json();
          if (JSON.stringify(detail).includes(text)) return r.reportId;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return null;
    }, stamp);
    assert.ok(reportId, 'the report reached the inbox');
    await page.goto(`${BASE}/reports/${reportId}`);
    await page.getByText(new RegExp(`tawuran dan ditahan warga ${stamp}`)).waitFor();
    await page.locator('input[name=clusters][value=ABH]').check();
    await page.getByRole('button', { name: 'Terima laporan' }).click();
    // case-service registers the case from the report's event a moment later: the link comes once the case is there
    await page.getByRole('link', { name: 'Buka kasus dari laporan ini' }).click({ timeout: 30_000 });

    await page.getByRole('heading', { name: 'Data anak' }).waitFor();
    await page.getByLabel('Nama anak').fill(`Raka ${stamp}`);
    await page.getByLabel('Perkiraan umur (tahun)').fill('15');
    await page.getByRole('button', { name: 'Simpan data anak' }).click();
    await page.getByText('Pilih peran anak.').waitFor(); // asked before anything is sent
    await check(page, 'phone-abh-child-role');
    await page.getByLabel('Peran anak dalam perkara (ABH)').selectOption('WITNESS');
    await page.getByRole('button', { name: 'Simpan data anak' }).click();
    await page.getByText('Data anak disimpan.').waitFor({ timeout: 30_000 });
    await page.getByText('Saksi').first().waitFor();
    await check(page, 'phone-abh-child-role-saved');
  });
});
