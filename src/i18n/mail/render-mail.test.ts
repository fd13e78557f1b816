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
});
