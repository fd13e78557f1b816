import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMail } from './render-mail.js';

describe('renderMail', () => {
  it('writes to a reporter in their language and to staff in Indonesian', () => {
    const en = renderMail({ template: 'case.status_changed', audience: 'reporter', locale: 'en', data: { registerNumber: '2026-000007', status: 'verified' }, publicUrl: 'https://aduan.example' });
    assert.equal(en?.subject, 'Your complaint is now: Verified (2026-000007)');
    assert.match(en?.text ?? '', /https:\/\/aduan\.example\/lacak/);
    const staff = renderMail({ template: 'case.assigned_to_you', audience: 'staff', locale: 'en', data: { registerNumber: '2026-000007' }, publicUrl: 'https://aduan.example' });
    assert.equal(staff?.subject, 'Pengaduan 2026-000007 didisposisikan kepada Anda');
  });

  it('prints only the fields a template names, escaped in HTML, and knows no unknown template', () => {
    const mail = renderMail({ template: 'case.merged', audience: 'reporter', locale: 'id', data: { registerNumber: '2026-1', intoRegisterNumber: '<b>2026-2</b>', trackingCode: 'SECRET' }, publicUrl: 'https://a.example' });
    assert.ok(mail && !mail.text.includes('SECRET') && !mail.html.includes('<b>'));
    assert.equal(renderMail({ template: 'case.assigned_to_you', audience: 'reporter', locale: 'id', data: {}, publicUrl: 'https://a.example' }), undefined);
  });

  it('names a deadline and its due time in the unit’s time zone: staff in Indonesian, reporters in their language', () => {
    const reminder = renderMail({
      template: 'deadline.reminder', audience: 'staff', locale: 'en', publicUrl: 'https://aduan.example',
      data: { registerNumber: '2026-000007', deadlineKind: 'response', percent: 80, dueAt: '2026-03-31T09:00:00.000Z', timeZone: 'Asia/Jakarta' },
    });
    assert.equal(reminder?.subject, 'Pengingat: batas waktu tanggapan pengaduan 2026-000007, 31 Maret 2026 pukul 16.00 WIB');
    assert.match(reminder?.text ?? '', /^80% waktu tanggapan/);
    const missed = renderMail({
      template: 'deadline.missed', audience: 'staff', locale: 'id', publicUrl: 'https://aduan.example',
      data: { registerNumber: '2026-000007', deadlineKind: 'verification', dueAt: '2026-03-31T07:00:00.000Z', timeZone: 'Asia/Jayapura' },
    });
    assert.match(missed?.text ?? '', /verifikasi pengaduan 2026-000007 \(31 Maret 2026 pukul 16\.00 WIT\)/);
    const toReporter = renderMail({
      template: 'case.info_reminder', audience: 'reporter', locale: 'en', publicUrl: 'https://aduan.example',
      data: { registerNumber: '2026-000007', dueAt: '2026-04-20T09:00:00.000Z', timeZone: 'Asia/Jakarta' },
    });
    assert.match(toReporter?.text ?? '', /no answer by 20 April 2026, 16:00 WIB, the complaint will be closed/);
  });

  it('links a staff mail to the case page, and to the sign-in page when it names no case', () => {
    const ready = renderMail({ template: 'response.ready_to_send', audience: 'staff', locale: 'id', data: { registerNumber: '2026-000007' }, publicUrl: 'https://aduan.example', complaintId: 'c0ffee00-0000-4000-8000-000000000001' });
    assert.equal(ready?.subject, 'Tanggapan pengaduan 2026-000007 sudah disetujui dan siap dikirim');
    assert.match(ready?.text ?? '', /https:\/\/aduan\.example\/staf\/kasus\/c0ffee00-0000-4000-8000-000000000001/);
    const unnamed = renderMail({ template: 'complaint.new', audience: 'staff', locale: 'id', data: { registerNumber: '2026-000008' }, publicUrl: 'https://aduan.example' });
    assert.match(unnamed?.text ?? '', /https:\/\/aduan\.example\/staf$/m);
  });
});
