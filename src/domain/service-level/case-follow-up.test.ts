import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CaseEvent, RecordedCaseEvent } from '../case-event.js';
import { appealWindowEndsAt, nextFollowUp } from './case-follow-up.js';
import { indonesianHolidays, nonWorkingDaysOf } from './indonesian-holidays.js';
import { defaultServiceLevelSettings } from './service-level-settings.js';
import { createWorkingCalendar, localDateTimeToInstant } from './working-calendar.js';

const wib = createWorkingCalendar({ timeZone: 'Asia/Jakarta', nonWorkingDays: nonWorkingDaysOf(indonesianHolidays), officeHours: { start: '08:00', end: '16:00' } });
const jakarta = (date: string, time: string) => localDateTimeToInstant(date, time, 'Asia/Jakarta');
const recorded = (...entries: [Date, CaseEvent][]): RecordedCaseEvent[] =>
  entries.map(([occurredAt, event], index) => ({ ...event, sequence: index + 2, occurredAt, actor: { kind: 'staff', userId: 1 } }) as RecordedCaseEvent);

describe('following up a case nobody acts on', () => {
  it('ends the appeal window at the end of the 14th day after the letter, in the unit’s time zone', () => {
    assert.equal(appealWindowEndsAt(jakarta('2026-04-01', '15:00'), 14, 'Asia/Jakarta').toISOString(), jakarta('2026-04-16', '00:00').toISOString());
    assert.equal(appealWindowEndsAt(jakarta('2026-04-01', '15:00'), 14, 'Asia/Jayapura').toISOString(), '2026-04-15T15:00:00.000Z', 'midnight WIT');
    const events = recorded([jakarta('2026-04-01', '15:00'), { type: 'response.sent', data: { draftNumber: 1, finding: 'substantiated', text: 'jawaban' } }]);
    assert.deepEqual(nextFollowUp('responded', events, defaultServiceLevelSettings, wib), { action: 'close_after_appeal_window', at: jakarta('2026-04-16', '00:00') });
  });

  it('reminds a reporter asked for information after five working days, then closes after ten', () => {
    const asked: [Date, CaseEvent] = [jakarta('2026-04-06', '10:00'), { type: 'case.info_requested', data: { message: 'Kapan kejadiannya?' } }];
    assert.deepEqual(nextFollowUp('needs_info', recorded(asked), defaultServiceLevelSettings, wib), { action: 'remind_reporter', at: jakarta('2026-04-13', '16:00') });
    const reminded = recorded(asked, [jakarta('2026-04-13', '16:01'), { type: 'case.reporter_reminded', data: { reason: 'info_requested' } }]);
    assert.deepEqual(nextFollowUp('needs_info', reminded, defaultServiceLevelSettings, wib), { action: 'close_unanswered', at: jakarta('2026-04-20', '16:00') });
  });

  it('asks again from the latest request: a reminder for an earlier one does not count', () => {
    const events = recorded(
      [jakarta('2026-04-06', '10:00'), { type: 'case.info_requested', data: { message: 'Kapan?' } }],
      [jakarta('2026-04-13', '16:01'), { type: 'case.reporter_reminded', data: { reason: 'info_requested' } }],
      [jakarta('2026-04-14', '09:00'), { type: 'reporter.answered', data: { text: 'Senin' } }],
      [jakarta('2026-04-15', '09:00'), { type: 'case.info_requested', data: { message: 'Di mana?' } }],
    );
    assert.equal(nextFollowUp('needs_info', events, defaultServiceLevelSettings, wib)?.action, 'remind_reporter');
    assert.equal(nextFollowUp('in_progress', events, defaultServiceLevelSettings, wib), null);
  });
});
