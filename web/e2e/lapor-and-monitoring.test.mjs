// Lapor Sosial for someone without an account, and monitoring with charts, in a real browser through the gateway:
// a neighbour reports a child from the public page on a phone and tracks it with the code; the region's worker is
// notified and accepts the report into a case; the ministry's analyst sees the province and the regency in the charts and downloads
// a chart's numbers as CSV; the province's supervisor sees their province. Every screen photographed and checked.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, LAPTOP, PHONE, check, launch, person, signIn, touchTargets, MAILBOX } from './helpers.mjs';

let browser;
const stamp = Date.now().toString(36);
let trackingCode;
let caseId;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('someone without an account, on a phone', () => {
  let visitor;
  before(async () => { visitor = await person(browser, PHONE); });
  after(async () => { await visitor.context.close(); });

  it('finds the report form from the first screen and sees what to do in an emergency', async () => {
    const { page } = visitor;
    await page.goto(BASE + '/');
    await page.getByRole('link', { name: 'Laporkan anak yang perlu perlindungan' }).click();
    await page.getByRole('heading', { name: 'Laporkan anak yang perlu perlindungan' }).waitFor();
    await page.getByText(/SAPA 129/).waitFor();
    await page.getByLabel('Provinsi').selectOption('32'); // the reference data, without an account
    await check(page, 'phone-public-report');
    await touchTargets(page, 'phone-public-report');
  });

  it('is told what is missing, then reports and gets a tracking code', async () => {
    const { page } = visitor;
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByText('Ceritakan apa yang terjadi.').waitFor();
    await page.getByText('Pilih sekurang-kurangnya kabupaten/kota.').waitFor();
    await page.getByText('Isi nomor telepon atau surel, atau pilih melapor tanpa nama.').waitFor();

    await page.getByLabel('Ceritakan apa yang terjadi').fill(`Anak tetangga sering dipukul dan tidak sekolah ${stamp}`);
    await page.getByLabel('Anak dalam bahaya atau terluka saat ini').check();
    await page.getByLabel('Kabupaten/kota').selectOption('32.73');
    await page.getByLabel('Alamat atau petunjuk tempat').fill('Gang Melati, dekat masjid');
    await page.getByLabel('Nama anak (bila tahu)').fill(`Nur ${stamp}`);
    await page.getByLabel('Perkiraan usia').fill('8');
    await page.getByLabel('Nama Anda').fill('Ibu Wati');
    await page.getByLabel('Nomor telepon atau surel').fill('0812-3456-7890');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Terima kasih, laporan Anda sudah kami terima' }).waitFor();
    trackingCode = (await page.getByTestId('tracking-code').textContent()).trim();
    assert.match(trackingCode, /^LS-[A-Z2-9]{12}$/);
    await check(page, 'phone-public-report-sent');
  });

  it('tracks the report with the code and sees the status only; a wrong code tells nothing', async () => {
    const { page } = visitor;
    await page.getByRole('link', { name: 'Lacak laporan ini' }).click();
    await page.getByRole('heading', { name: 'Lacak laporan' }).waitFor();
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await page.getByRole('heading', { name: 'Diterima' }).waitFor();
    await page.getByText('Diterima, menunggu ditelaah pekerja sosial').waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), new RegExp(`Nur ${stamp}|Kota Bandung|AMK-`));
    await check(page, 'phone-public-tracking');
    await page.getByLabel('Kode pelacakan').fill('LS-AAAAAAAAAAAA');
    await page.getByRole('button', { name: 'Lihat status' }).click();
    await page.getByText('Kode pelacakan tidak ditemukan').waitFor();
  });

  it('threw no script error and broke no Content-Security-Policy rule', () => {
    assert.deepEqual(visitor.errors, []);
  });
});

describe('the worker of the region, on a phone', () => {
  let worker;
  before(async () => {
    worker = await person(browser, PHONE);
    await signIn(worker.page, 'peksos.bandung');
  });
  after(async () => { await worker.context.close(); });

  it('is notified of the new report in the region: a badge and an item that opens it', async () => {
    const { page } = worker;
    await page.getByRole('link', { name: /^Pemberitahuan: [1-9]\d* belum dibaca$/ }).click();
    await page.getByRole('heading', { name: 'Pemberitahuan' }).waitFor();
    await page.getByRole('link', { name: /Laporan Lapor Sosial baru di wilayah Anda/ }).first().waitFor();
    await check(page, 'phone-notifications');
    await touchTargets(page, 'phone-notifications');
    await page.getByRole('link', { name: /Laporan Lapor Sosial baru di wilayah Anda/ }).first().click();
    await page.getByRole('button', { name: 'Terima laporan' }).waitFor();
  });

  it('finds the public report in the Lapor Sosial inbox and accepts it into a case; the reporter sees it handled', async () => {
    const { page } = worker;
    await page.getByRole('link', { name: 'Lapor Sosial' }).click();
    await page.getByRole('heading', { name: 'Lapor Sosial' }).waitFor();
    await page.getByRole('link', { name: 'Masyarakat' }).first().click();
    await page.getByText(new RegExp(`tidak sekolah ${stamp}`)).waitFor();
    await page.getByText(`Nur ${stamp}`).waitFor();
    await page.getByRole('button', { name: 'Terima laporan' }).click();
    // a public report names no cluster: the worker chooses, as the case needs one
    await page.getByText('Pilih paling sedikit satu klaster.').waitFor();
    await page.locator('input[name=clusters][value=VIOLENCE_VICTIM]').check();
    await page.getByRole('button', { name: 'Terima laporan' }).click();
    const open = page.getByRole('link', { name: 'Buka kasus dari laporan ini' });
    await open.waitFor();
    caseId = (await open.getAttribute('href')).split('/').pop();

    const visitor = await person(browser, PHONE);
    await visitor.page.goto(BASE + '/lapor/lacak');
    await visitor.page.getByLabel('Kode pelacakan').fill(trackingCode.toLowerCase());
    await visitor.page.getByRole('button', { name: 'Lihat status' }).click();
    await visitor.page.getByRole('heading', { name: 'Ditangani' }).waitFor({ timeout: 30_000 }).catch(async () => {
      // the status follows the triage within moments (the tracking view is fed by the report's events): ask again
      await visitor.page.getByRole('button', { name: 'Lihat status' }).click();
      await visitor.page.getByRole('heading', { name: 'Ditangani' }).waitFor({ timeout: 30_000 });
    });
    await visitor.context.close();
  });
});

describe('the worker refers the child, and the provider\'s user answers on a phone', () => {
  let partner;
  after(async () => { await partner?.context.close(); });

  it('the worker records the child\'s details on the new case and refers it to the Sentra', async () => {
    const worker = await person(browser, PHONE);
    await signIn(worker.page, 'peksos.bandung');
    // a case from a report starts without the child's personal data: the worker records what they learned
    await worker.page.goto(`${BASE}/cases/${caseId}`);
    await worker.page.getByRole('heading', { name: 'Anak belum dikenal' }).waitFor();
    const child = worker.page.locator('form[aria-labelledby=step-child]');
    await child.getByLabel('Nama anak').fill(`Nur ${stamp}`);
    await child.getByLabel('Perkiraan umur (tahun)').fill('8');
    await child.getByLabel('Jenis kelamin').selectOption('F');
    await child.getByLabel('Orang tua/wali', { exact: true }).fill('Ibu Sari');
    await child.getByLabel('Telepon orang tua/wali').fill('0813-1111-2222');
    await check(worker.page, 'phone-case-child-details');
    await child.getByRole('button', { name: 'Simpan data anak' }).click();
    await worker.page.getByText('Data anak disimpan.').waitFor();
    await worker.page.getByRole('heading', { name: `Nur ${stamp}` }).waitFor();
    const csrf = (await worker.context.cookies()).find((c) => c.name === 'XSRF-TOKEN').value;
    let status = 0;
    for (let i = 0; i < 30 && status !== 201; i++) {
      const answer = await worker.page.request.post(`${BASE}/api/referrals`, { headers: { 'X-XSRF-TOKEN': csrf },
        data: { caseId, providerId: 'sentra-handayani-jakarta', components: ['THERAPY'], reason: 'Pendampingan psikososial', consentBy: 'GUARDIAN' } });
      status = answer.status();
      if (status !== 201) await new Promise((r) => setTimeout(r, 1000));
    }
    assert.equal(status, 201);
    await worker.context.close();
  });

  it('the provider is notified, opens the referral, sees the child\'s minimum details, accepts it and records a session', async () => {
    partner = await person(browser, PHONE);
    await signIn(partner.page, 'mitra.handayani');
    const { page } = partner;
    await page.getByRole('heading', { name: 'Rujukan masuk' }).waitFor();
    // the referral travels referral-service -> Kafka -> reporting-service's notifications; the topics exist before any
    // service starts (deploy/kafka/topics.conf), so this is seconds, the wait is for a slow CI machine
    const bell = page.getByRole('link', { name: /^Pemberitahuan: [1-9]\d* belum dibaca$/ });
    await bell.waitFor({ timeout: 60_000 });
    await bell.click();
    await page.getByText(/Rujukan baru untuk lembaga Anda/).first().waitFor();
    // and by e-mail to the agency user's work address: what happened and a link, never the child's data
    let mail;
    for (let i = 0; i < 30 && !mail; i++) {
      const messages = await (await page.request.get(`${MAILBOX}/api/messages`)).json();
      mail = messages.find((m) => m.to.includes('layanan@sentra-handayani.example.org') && m.subject.startsWith('[AMK] Rujukan baru untuk lembaga Anda'));
      if (!mail) await new Promise((r) => setTimeout(r, 1000));
    }
    assert.ok(mail, 'the provider\'s user was mailed');
    assert.match(mail.body, /Buka AMK untuk melihatnya: http/);
    assert.ok(!JSON.stringify(mail).includes(`Nur ${stamp}`), 'no child\'s name in the e-mail');
    await page.getByRole('link', { name: 'Rujukan masuk' }).click();
    await check(page, 'phone-partner-inbox');
    await page.locator('.card', { hasText: 'menunggu jawaban' }).first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Rujukan layanan ATENSI' }).waitFor();
    // the minimum to take the child in, from case-service, while the referral is open and consent stands
    const intake = page.getByRole('region', { name: 'Data minimum anak' });
    await intake.getByText(`Nur ${stamp}`).waitFor({ timeout: 20000 });
    await intake.getByText('± 8 tahun (perkiraan)').waitFor();
    await intake.getByText('Persetujuan wali').waitFor();
    await intake.getByRole('link', { name: '0813-1111-2222' }).waitFor();
    await intake.getByRole('link', { name: 'peksos.bandung@dinsos-bandung.example.org' }).waitFor();
    await check(page, 'phone-partner-referral');
    await page.getByRole('button', { name: 'Terima rujukan' }).click();
    await page.getByRole('heading', { name: 'Catat sesi layanan' }).waitFor();
    await page.getByLabel('Catatan sesi').fill('Sesi konseling pertama');
    await page.getByRole('button', { name: 'Catat sesi' }).click();
    await page.getByRole('heading', { name: 'Selesaikan layanan' }).waitFor();
    await page.getByText('dalam layanan').first().waitFor();
    // the case's coordination thread is among "threads I am in"
    await page.getByRole('link', { name: 'Koordinasi' }).click();
    await page.getByRole('heading', { name: 'Koordinasi kasus' }).waitFor();
    await page.locator(`a[href="/threads/${caseId}"]`).click();
    await page.getByText('Lembaga yang terlibat').first().waitFor();
    assert.deepEqual(partner.errors, []);
  });
});

describe('the ministry\'s analyst, on a laptop and a phone', () => {
  let analyst;
  before(async () => {
    analyst = await person(browser, LAPTOP);
    await signIn(analyst.page, 'analis.kemensos');
  });
  after(async () => { await analyst.context.close(); });

  it('sees national figures with charts, drills down to the province and the regency', async () => {
    const { page } = analyst;
    await page.getByRole('heading', { name: 'Pemantauan kasus' }).waitFor();
    await page.getByRole('heading', { name: 'Kasus per bulan pendaftaran, menurut tahap saat ini' }).waitFor();
    await page.locator('.chart-box canvas').first().waitFor();
    await check(page, 'laptop-monitoring-national');
    await page.getByRole('button', { name: /^Jawa Barat/ }).click();
    await page.getByRole('navigation', { name: 'Wilayah' }).getByText('Jawa Barat').waitFor();
    await page.getByRole('button', { name: /^Kota Bandung/ }).click();
    await page.getByRole('navigation', { name: 'Wilayah' }).getByText('Kota Bandung').waitFor();
    await page.getByRole('heading', { name: 'Kinerja pekerja sosial' }).waitFor();
    const total = Number((await page.locator('.kpis li').first().locator('.kpi-value').textContent()).replace(/\D/g, ''));
    assert.ok(total >= 1, 'the case accepted from the public report is counted in Kota Bandung');
  });

  it('downloads a chart\'s numbers as CSV', async () => {
    const { page } = analyst;
    const card = page.locator('section.chart-card', { has: page.getByRole('heading', { name: 'Kinerja pekerja sosial' }) });
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Unduh CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'amk-worker-performance.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^Pekerja sosial,Kasus,Kasus berjalan,/);
    assert.match(csv, /Sakti Peksos Kota Bandung|peksos\.bandung/);
  });

  it('reads the same screen on a phone', async () => {
    const { page } = analyst;
    await page.setViewportSize(PHONE);
    await page.getByRole('heading', { name: 'Kinerja pekerja sosial' }).waitFor();
    await check(page, 'phone-monitoring-regency');
    await touchTargets(page, 'phone-monitoring-regency');
  });

  it('threw no script error and broke no Content-Security-Policy rule', () => {
    assert.deepEqual(analyst.errors, []);
  });
});

describe('the province\'s supervisor, on a laptop', () => {
  it('sees their province in the monitoring tab, and nothing above it', async () => {
    const supervisor = await person(browser, LAPTOP);
    await signIn(supervisor.page, 'supervisor.jabar');
    const { page } = supervisor;
    await page.getByRole('link', { name: 'Pemantauan' }).click();
    await page.getByRole('heading', { name: 'Pemantauan kasus' }).waitFor();
    await page.getByRole('navigation', { name: 'Wilayah' }).getByText('Jawa Barat').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Nasional' }).count(), 0);
    await page.locator('.chart-box canvas').first().waitFor();
    await check(page, 'laptop-monitoring-supervisor');
    assert.deepEqual(supervisor.errors, []);
    await supervisor.context.close();
  });
});

describe('the administrator, on a laptop', () => {
  it('registers a worker, is shown the first password once, and disables the account', async () => {
    const admin = await person(browser, LAPTOP);
    await signIn(admin.page, 'admin');
    const { page } = admin;
    await page.getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('heading', { name: 'Pengguna baru' }).waitFor();
    const username = `peksos.e2e${stamp}`;
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Nama lengkap').fill('Peksos Uji Garut');
    await page.getByLabel('Sakti Peksos').check();
    await page.getByLabel('Wilayah kerja').fill('32.05');
    await page.getByLabel('Surel kerja').fill(`${username}@dinsos-garut.example.org`);
    await page.getByRole('button', { name: 'Daftarkan pengguna' }).click();
    await page.getByText(`${username} terdaftar. Kata sandi pertama:`).waitFor();
    assert.ok(((await page.getByTestId('initial-password').textContent()) ?? '').length >= 12);
    const card = page.locator('.card', { hasText: username });
    await card.getByText(`${username}@dinsos-garut.example.org`, { exact: false }).waitFor();
    // a reset shows a temporary password once (the user sets their own at the next sign-in)
    page.once('dialog', (dialog) => dialog.accept());
    await card.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    await page.getByText(`Kata sandi sementara ${username}:`).waitFor();
    assert.ok(((await page.getByTestId('temporary-password').textContent()) ?? '').length >= 12);
    await card.getByRole('button', { name: 'Nonaktifkan' }).click();
    await card.getByText('nonaktif', { exact: true }).waitFor();
    await check(page, 'laptop-admin-users');
    assert.deepEqual(admin.errors, []);
    await admin.context.close();
  });

  it('registers an agency, imports the provider directory from the documented file, checked first', async () => {
    const admin = await person(browser, LAPTOP);
    await signIn(admin.page, 'admin');
    const { page } = admin;
    await page.getByRole('link', { name: 'Lembaga', exact: true }).click();
    await page.getByLabel('Kode lembaga').fill(`lks-e2e-${stamp}`);
    await page.getByLabel('Nama lembaga').fill('LKS Uji Garut');
    await page.getByLabel('Jenis').selectOption('LKS');
    await page.getByLabel('Wilayah kerja').fill('32.05');
    await page.getByRole('button', { name: 'Daftarkan lembaga' }).click();
    await page.getByText('LKS Uji Garut terdaftar.').waitFor();

    await page.getByRole('link', { name: 'Lembaga layanan' }).click();
    await page.getByLabel('Berkas direktori (.csv atau .json)').setInputFiles(new URL('../../deploy/providers.example.csv', import.meta.url).pathname);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByText(/^Berkas benar: 4 baris/).waitFor();
    await page.getByRole('button', { name: 'Impor', exact: true }).click();
    await page.getByText(/^Diimpor: 4 baris/).waitFor();
    const garut = page.locator('.card', { hasText: 'LKS Bina Anak Garut' });
    await garut.getByText('Jl. Pembangunan No. 12, Tarogong Kidul, Kabupaten Garut · +62 262 230000').waitFor();
    await garut.getByText('0 dari 25 tempat terisi').waitFor();
    await check(page, 'laptop-admin-providers');
    // a file with a wrong row: every wrong field listed, nothing written
    await page.getByLabel('Berkas direktori (.csv atau .json)').setInputFiles({ name: 'salah.csv', mimeType: 'text/csv',
      buffer: Buffer.from('id,name,type,agencyId,regions,components,capacity\nlks-salah,LKS Salah,PANTI,lks-salah,32.05,CARE,banyak\n') });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByText('Ada baris yang salah dalam berkas').waitFor();
    const wrong = page.getByRole('table', { name: 'Baris yang salah' });
    await wrong.getByText('kode tidak dikenal').waitFor();
    await wrong.getByText('bukan angka').waitFor();
    assert.deepEqual(admin.errors, []);
    await admin.context.close();
  });

  it('rotates the signing key, creates a machine client and rebuilds the monitoring view with a progress bar', async () => {
    const admin = await person(browser, PHONE);
    await signIn(admin.page, 'admin');
    const { page } = admin;
    await page.getByRole('link', { name: 'Sistem' }).click();
    await page.getByRole('heading', { name: 'Kunci penandatanganan token' }).waitFor();
    page.on('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Ganti kunci sekarang' }).click();
    await page.getByText('Kunci baru dipakai mulai sekarang.').waitFor();
    await page.getByLabel('Kode klien').fill(`sistem-e2e-${stamp}`);
    await page.getByLabel('monitoring.read').check();
    await page.getByRole('button', { name: 'Buat klien' }).click();
    await page.getByText(`Klien sistem-e2e-${stamp} dibuat. Rahasianya:`).waitFor();
    assert.ok(((await page.getByTestId('client-secret').textContent()) ?? '').length >= 20);
    const monitoring = page.locator('.card', { hasText: 'Pemantauan (dasbor kementerian)' });
    const state = monitoring.getByTestId('rebuild-state');
    await state.filter({ hasText: 'generasi' }).waitFor();
    const before = await state.textContent();
    await monitoring.getByRole('button', { name: 'Bangun ulang' }).click();
    // a new generation of the view, built to the end
    for (let i = 0; i < 120 && !(/^selesai/.test(await state.textContent()) && (await state.textContent()) !== before); i++) {
      await new Promise((r) => setTimeout(r, 500));
    }
    assert.match(await state.textContent(), /^selesai · generasi \d+$/);
    assert.notEqual(await state.textContent(), before);
    assert.equal(await monitoring.locator('progress').getAttribute('value'), '100');
    await check(page, 'phone-admin-system');
    assert.deepEqual(admin.errors, []);
    await admin.context.close();
  });
});
