// A supervisor opens an ABH case's confidential file stating why (kept in the access audit), keeps its data for legal
// proceedings and releases the hold, on the phone, in Indonesian; the worker changes their own password from the link
// beside who is signed in.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PHONE, check, launch, person, signIn } from './helpers.mjs';

let browser;
const stamp = Date.now().toString(36);

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('legal hold and one\'s own password', () => {
  it('asks a supervisor why they open an ABH file, then lets them hold it for a court and release it, with erasure hidden meanwhile', async () => {
    const supervisor = await person(browser, PHONE);
    try {
      const { page } = supervisor;
      await signIn(page, 'supervisor.jabar');
      const caseId = await page.evaluate(async (name) => {
        const csrf = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '';
        const answer = await fetch('/api/cases', {
          method: 'POST', headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(csrf) },
          body: JSON.stringify({ regionCode: '32.73.01', child: { name, birthDate: '2012-02-02', sex: 'M' }, clusters: ['ABH'],
            abhRole: 'PERPETRATOR', riskLevel: 'HIGH', source: 'POLICE', consent: true, assignedWorker: 'peksos.bandung' }),
        });
        return (await answer.json()).caseId;
      }, `Anak Perkara ${stamp}`);
      assert.ok(caseId, 'the case was registered');
      await page.goto(`${BASE}/cases/${caseId}`);
      // not the case's worker: the file opens only with a stated purpose, a court's request needs its letter's number
      await page.getByRole('heading', { name: 'Berkas ABH bersifat rahasia' }).waitFor();
      assert.equal(await page.getByText(`Anak Perkara ${stamp}`).count(), 0, 'nothing of the child before the purpose');
      await page.getByLabel('Tujuan membuka berkas').selectOption({ label: 'Permintaan aparat penegak hukum (polisi, jaksa, pengadilan)' });
      await page.getByRole('button', { name: 'Buka berkas' }).click();
      await page.getByText('Wajib diisi').first().waitFor();
      await page.getByLabel('Nomor surat atau keterangan').fill('PN Bandung W11.U1/123/HK.01/XII/2026');
      await check(page, 'phone-abh-purpose');
      await page.getByRole('button', { name: 'Buka berkas' }).click();
      await page.getByRole('heading', { name: `Anak Perkara ${stamp}` }).waitFor();
      const purposes = await page.evaluate(async (id) =>
        (await (await fetch(`/api/audit/cases?subjectId=${id}`)).json()).map((e) => e.purpose), caseId);
      assert.ok(purposes.includes('Permintaan aparat penegak hukum (polisi, jaksa, pengadilan) — PN Bandung W11.U1/123/HK.01/XII/2026'),
        `the audit keeps the purpose as stated: ${JSON.stringify(purposes)}`);
      await page.getByRole('heading', { name: 'Tahan data untuk proses hukum' }).waitFor();
      await page.getByLabel('Nomor perkara atau alasan').fill('PN Bandung 12/Pid.Sus-Anak/2026');
      await page.getByRole('button', { name: 'Tahan data' }).click();
      await page.getByText('Data kasus ini ditahan untuk proses hukum.').waitFor();
      await page.getByRole('heading', { name: 'Data ditahan untuk proses hukum' }).waitFor();
      assert.equal(await page.getByRole('heading', { name: /Hapus data pribadi/ }).count(), 0, 'no erasure while held');
      await page.getByRole('heading', { name: 'Data ditahan untuk proses hukum' }).scrollIntoViewIfNeeded();
      await check(page, 'phone-legal-hold');
      await page.getByLabel('Alasan melepas').fill('putusan berkekuatan hukum tetap');
      await page.getByRole('button', { name: 'Lepas penahanan' }).click();
      await page.getByText('Penahanan dilepas.', { exact: true }).waitFor();
      await page.getByRole('heading', { name: 'Tahan data untuk proses hukum' }).waitFor();
    } finally {
      await supervisor.context.close();
    }
  });

  it('shows a worker the page to change their own password, asking for the current one first', async () => {
    const worker = await person(browser, PHONE);
    try {
      const { page } = worker;
      await signIn(page, 'peksos.bandung');
      await page.getByRole('link', { name: 'Ubah kata sandi' }).click();
      await page.getByRole('heading', { name: 'Ubah kata sandi' }).waitFor();
      await page.getByLabel('Kata sandi sekarang').waitFor();
      await page.getByLabel('Kata sandi sekarang').fill('salah-sama-sekali');
      await page.getByLabel('Kata sandi baru', { exact: true }).fill('sunshine2026!!!!');
      await page.getByLabel('Ulangi kata sandi baru').fill('sunshine2026!!!!');
      await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
      await page.getByText('Kata sandi sekarang tidak benar.').waitFor();
      await check(page, 'phone-password-change');
    } finally {
      await worker.context.close();
    }
  });
});
