// The web console in a real browser, through the gateway, on the platform as `./amk up` starts it: a worker signs in,
// registers a case and walks it from intake to closure on a phone, sees an overdue case first, switches language;
// a stale version is shown and resolved; the session outlives its access token; a supervisor reassigns; sign-out ends
// access. Every main screen is photographed at phone and laptop size and checked with axe-core.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { BASE, LAPTOP, PHONE, check, launch, person, signIn, timing, touchTargets, writeTimings } from './helpers.mjs';

const TOKEN_TTL_SECONDS = Number(process.env.AMK_TEST_TOKEN_TTL_SECONDS ?? 0);
let browser;
const stamp = Date.now().toString(36);
const shared = {};

before(async () => { browser = await launch(); });
after(async () => {
  if (process.env.AMK_TIMINGS) writeTimings(process.env.AMK_TIMINGS);
  await browser?.close();
});

async function registerCase(page, { name, risk, nik }) {
  await page.getByRole('link', { name: 'Kasus saya' }).click(); // a fresh, empty form
  await page.getByRole('link', { name: 'Kasus baru' }).click();
  await page.getByRole('heading', { name: 'Daftarkan kasus baru' }).waitFor();
  await page.getByLabel('Kabupaten/kota').selectOption('32.73');
  await page.getByLabel('Nama anak').fill(name);
  if (nik) await page.getByLabel('NIK').fill(nik);
  await page.getByLabel('Perkiraan umur (tahun)').fill('12');
  await page.getByLabel('Jenis kelamin').selectOption('F');
  await page.getByLabel('Orang tua/wali', { exact: true }).fill('Ibu Sari');
  await page.locator('input[name=clusters][value=VIOLENCE_VICTIM]').check();
  await page.getByLabel('Tingkat risiko').selectOption(risk);
  await page.getByLabel(/menyetujui penanganan/).check();
  const started = Date.now();
  await page.getByRole('button', { name: 'Daftarkan kasus' }).click();
  await page.getByText(/telah didaftarkan/).waitFor();
  timing('register -> case page', Date.now() - started);
  return new URL(page.url()).pathname.split('/').pop();
}

async function step(page, button, done) {
  const started = Date.now();
  await page.getByRole('button', { name: button }).click();
  await page.getByText(done).waitFor();
  timing(button, Date.now() - started);
}

describe('a social worker on a phone', () => {
  let worker;
  let caseId;

  before(async () => { worker = await person(browser, PHONE); });
  after(async () => { await worker.context.close(); });

  it('signs in in Indonesian and sees the caseload', async () => {
    const { page } = worker;
    await page.goto(BASE + '/');
    await page.getByRole('link', { name: 'Masuk' }).waitFor();
    await check(page, 'phone-sign-in');
    timing('sign-in -> caseload', await signIn(page, 'peksos.bandung'));
    await page.getByRole('heading', { name: 'Kasus saya' }).waitFor();
    await check(page, 'phone-caseload-empty');
    await touchTargets(page, 'caseload');
  });

  it('refuses a registration with the API rule at the field it names, in Indonesian', async () => {
    const { page } = worker;
    await page.getByRole('link', { name: 'Kasus baru' }).click();
    await page.getByLabel('Nama anak').fill('Uji Salah');
    await page.getByLabel('NIK').fill('1234');
    await page.getByRole('button', { name: 'Daftarkan kasus' }).click();
    await page.getByText('NIK terdiri atas 16 angka dengan tanggal lahir yang benar.').waitFor();
    await page.getByText('Pilih paling sedikit satu klaster.').waitFor();
    await check(page, 'phone-register-errors');
    await touchTargets(page, 'register');
  });

  it('registers an urgent case, which becomes overdue and comes first', async () => {
    const { page } = worker;
    await registerCase(page, { name: `Dewi Mendesak ${stamp}`, risk: 'URGENT' });
    await page.getByRole('link', { name: 'Kasus saya' }).click();
    // the platform under test gives an urgent case seconds, not 24 h, for first contact; the deadline watch runs every 2 s
    const mine = page.locator('.cards li', { hasText: `Dewi Mendesak ${stamp}` });
    const deadline = Date.now() + 90_000;
    while (!(await mine.innerText()).includes('Terlambat: kontak pertama')) {
      assert.ok(Date.now() < deadline, 'the urgent case never showed as overdue');
      await page.waitForTimeout(3000);
      await page.reload();
      await page.getByRole('heading', { name: 'Kasus saya' }).waitFor();
    }
    // overdue cases come before every case that is not
    const overdue = await page.locator('.cards li').evaluateAll((cards) => cards.map((c) => c.classList.contains('card-overdue')));
    assert.ok(overdue[0], 'the first case is overdue');
    assert.equal(overdue.indexOf(true, overdue.indexOf(false) === -1 ? overdue.length : overdue.indexOf(false)), -1, 'an overdue case after one that is not');
    await check(page, 'phone-caseload-overdue-first');
  });

  it('registers a case and walks it from intake to closure', async () => {
    const { page } = worker;
    caseId = await registerCase(page, { name: `Putri Lengkap ${stamp}`, risk: 'MEDIUM', nik: '3273014303140007' });
    await check(page, 'phone-case-registered');
    assert.equal(await page.locator('.stepper [aria-current=step]').innerText().then((t) => t.includes('Penerimaan')), true);
    await step(page, 'Simpan kontak pertama', 'Kontak pertama dicatat.');
    await page.getByLabel('Kebutuhan anak').fill('Tempat aman\nPendampingan psikososial');
    await page.getByLabel('Risiko', { exact: true }).fill('Pelaku masih tinggal serumah');
    await page.locator('form[aria-labelledby=step-assessment] input[value=THERAPY]').check();
    await check(page, 'phone-case-assessment');
    await step(page, 'Simpan asesmen', 'Asesmen dicatat');
    await page.getByLabel('Tujuan', { exact: true }).fill('Anak aman dan kembali bersekolah');
    await page.getByLabel('Tindakan', { exact: true }).fill('Konseling mingguan\nKunjungan rumah');
    await page.getByLabel('Target tanggal').fill('2027-01-15');
    await step(page, 'Simpan rencana', 'Rencana dicatat.');
    await step(page, 'Mulai pelaksanaan', 'Pelaksanaan dimulai.');
    await check(page, 'phone-case-intervention');
    await page.getByLabel('Catatan', { exact: true }).last().fill('Sesi konseling pertama berjalan baik.');
    await step(page, 'Simpan catatan', 'Catatan disimpan.');
    await page.getByLabel('Alasan', { exact: true }).fill('Anak siap kembali ke keluarga');
    await step(page, 'Mulai resosialisasi', 'Resosialisasi dimulai.');
    await page.getByLabel('Alasan terminasi').fill('Tujuan tercapai');
    await page.getByLabel('Hasil penanganan').fill('Anak aman dan bersekolah lagi');
    await step(page, 'Tutup kasus', 'Kasus ditutup.');
    assert.match(await page.locator('.stepper [aria-current=step]').innerText(), /Terminasi/);
    await page.getByRole('tab', { name: 'Riwayat' }).click();
    await page.getByText('Kasus ditutup').first().waitFor();
    await page.getByText('Sesi konseling pertama berjalan baik.').waitFor();
    await check(page, 'phone-case-history');
  });

  it('shows the case as it stood before it was closed', async () => {
    const { page } = worker;
    await page.getByRole('tab', { name: 'Penanganan' }).click();
    const history = await page.request.get(`${BASE}/api/cases/${caseId}/history`);
    const registered = (await history.json())[0].at;
    const before = new Date(new Date(registered).getTime() + 1000).toISOString();
    await page.goto(`${BASE}/cases/${caseId}?asOf=${encodeURIComponent(before)}`);
    await page.getByText(/hanya baca/).waitFor();
    assert.match(await page.locator('.stepper [aria-current=step]').innerText(), /Penerimaan/);
    await check(page, 'phone-case-as-of');
    await page.getByRole('button', { name: 'Kembali ke keadaan sekarang' }).click();
    await page.getByText(/hanya baca/).waitFor({ state: 'detached' });
    await page.locator('.stepper [aria-current=step]', { hasText: 'Terminasi' }).waitFor();
  });

  it('is told when someone else changed the case, keeps what was typed, and sends it again', async () => {
    const { page, context } = worker;
    caseId = await registerCase(page, { name: `Rina Bersamaan ${stamp}`, risk: 'LOW' });
    shared.concurrentCase = caseId;
    const other = await context.newPage();
    await other.goto(`${BASE}/cases/${caseId}`);
    await other.getByLabel('Catatan', { exact: true }).last().fill('Catatan dari perangkat lain');
    await other.getByRole('button', { name: 'Simpan catatan' }).click();
    await other.getByText('Catatan disimpan.').waitFor();
    await other.close();
    const mine = 'Catatan saya yang tidak boleh hilang';
    await page.getByLabel('Catatan', { exact: true }).last().fill(mine);
    await page.getByRole('button', { name: 'Simpan catatan' }).click();
    await page.getByText('Kasus ini baru saja diubah orang lain').waitFor();
    assert.equal(await page.getByLabel('Catatan', { exact: true }).last().inputValue(), mine);
    await check(page, 'phone-case-conflict');
    await page.getByRole('button', { name: 'Simpan catatan' }).click();
    await page.getByText('Catatan disimpan.').waitFor();
  });

  it('stays signed in after the access token expired', { skip: TOKEN_TTL_SECONDS === 0 && 'AMK_TEST_TOKEN_TTL_SECONDS not set' }, async () => {
    const { page } = worker;
    await page.waitForTimeout((TOKEN_TTL_SECONDS + 3) * 1000); // the only wait: for a token to expire, as a worker's would
    await page.getByLabel('Catatan', { exact: true }).last().fill('Setelah token kedaluwarsa');
    await page.getByRole('button', { name: 'Simpan catatan' }).click();
    await page.getByText('Catatan disimpan.').waitFor();
  });

  it('stays signed in across a restart of the gateway (the session lives in Mongo)', { skip: !process.env.AMK_ROOT && 'AMK_ROOT not set' }, async () => {
    const { page } = worker;
    execFileSync('bash', [join(process.env.AMK_ROOT, 'amk'), 'restart', 'gateway'], { stdio: 'inherit', timeout: 180_000 });
    await page.goto(`${BASE}/cases/${caseId}`);
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.getByLabel('Catatan', { exact: true }).last().fill('Setelah gateway dimulai ulang');
    await page.getByRole('button', { name: 'Simpan catatan' }).click();
    await page.getByText('Catatan disimpan.').waitFor();
  });

  it('switches to English with one tap', async () => {
    const { page } = worker;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'My cases' }).click();
    await page.getByRole('heading', { name: 'My cases' }).waitFor();
    await page.getByText(/most pressing first/).waitFor();
    await check(page, 'phone-caseload-english');
    await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('heading', { name: 'Kasus saya' }).waitFor();
  });

  it('triages a Lapor Sosial report into a case', async () => {
    const { page } = worker;
    const report = await page.request.post(`${BASE}/api/reports`, {
      headers: { 'X-XSRF-TOKEN': (await worker.context.cookies()).find((c) => c.name === 'XSRF-TOKEN').value },
      data: { reporterType: 'SCHOOL', regionCode: '32.73', description: `Murid sering datang dengan memar ${stamp}`, urgency: 'HIGH',
        suspectedClusters: ['VIOLENCE_VICTIM'], child: { name: `Anak Laporan ${stamp}`, estimatedAge: 9 } },
    });
    assert.equal(report.status(), 201);
    await page.getByRole('link', { name: 'Lapor Sosial' }).click();
    await page.getByRole('heading', { name: 'Lapor Sosial' }).waitFor();
    await check(page, 'phone-lapor-inbox');
    await page.getByRole('link', { name: 'Sekolah' }).first().click();
    await page.getByText(`Murid sering datang dengan memar ${stamp}`).waitFor();
    await check(page, 'phone-lapor-triage');
    await page.getByRole('button', { name: 'Terima laporan' }).click();
    await page.getByRole('link', { name: 'Buka kasus dari laporan ini' }).waitFor();
  });

  it('signs out: the session no longer reaches the API, and signing in again asks for the password', async () => {
    const { page } = worker;
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForLoadState('load');
    // back at the app's sign-in screen, or at identity-service's signed-out page (when the session's ID token was
    // renewed by a refresh, its OIDC logout cannot name the grant and shows its own page; the session ends either way)
    await page.locator('a[href="/oauth2/authorization/amk-web"], #username').first().waitFor();
    await check(page, 'phone-signed-out');
    const after = await page.request.get(`${BASE}/api/cases`);
    assert.equal(after.status(), 401);
    assert.match(after.headers()['content-type'], /application\/problem\+json/);
    await page.goto(`${BASE}/oauth2/authorization/amk-web`);
    await page.locator('#password').waitFor(); // identity-service's session ended too: no silent sign-in
  });

  it('threw no script error and broke no Content-Security-Policy rule', () => {
    assert.deepEqual(worker.errors, []);
  });
});

describe('a supervisor on a laptop', () => {
  let supervisor;
  before(async () => { supervisor = await person(browser, LAPTOP); });
  after(async () => { await supervisor.context.close(); });

  it('sees the province caseload and reassigns a case', async () => {
    const { page } = supervisor;
    await page.goto(BASE + '/');
    await check(page, 'laptop-sign-in');
    timing('sign-in -> caseload (supervisor)', await signIn(page, 'supervisor.jabar'));
    await page.getByRole('heading', { name: 'Kasus di provinsi saya' }).waitFor();
    await page.locator('.cards li').first().waitFor();
    await check(page, 'laptop-caseload');
    await page.goto(`${BASE}/cases/${shared.concurrentCase}`); // (finding a case by name is issue 18's search)
    await page.getByText(`Rina Bersamaan ${stamp}`).waitFor();
    await page.getByRole('heading', { name: 'Supervisi' }).waitFor();
    await check(page, 'laptop-case-supervisor');
    await page.getByLabel('Pekerja sosial', { exact: true }).selectOption('peksos.bandung.timur');
    await page.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await page.getByText('Kasus ditugaskan kepada peksos.bandung.timur.').waitFor();
    await page.locator('.fact', { hasText: 'Pekerja sosial' }).getByText('peksos.bandung.timur').waitFor();
  });

  it('is told exactly what erasure does before it happens', async () => {
    const { page } = supervisor;
    await page.getByLabel('Dasar permintaan penghapusan').fill('Permintaan orang tua berdasarkan UU 27/2022');
    await page.getByRole('button', { name: 'Hapus data pribadi…' }).click();
    await page.getByText(/akan dihapus selamanya/).waitFor();
    await check(page, 'laptop-erase-confirm');
    await page.getByRole('button', { name: 'Batal' }).click();
  });

  it('threw no script error', () => {
    assert.deepEqual(supervisor.errors, []);
  });
});
