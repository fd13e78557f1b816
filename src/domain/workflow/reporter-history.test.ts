import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CaseEvent } from '../case-event.js';
import { recorded, submitted } from '../../../test/support/case-scenario.js';
import { reporterHistory } from '../views/reporter-view.js';

it('shows the reporter each status change and requests, never notes, drafts or staff; the latest response is shown apart, not here', () => {
  const events: CaseEvent[] = [
    submitted(),
    { type: 'case.info_requested', data: { message: 'Jam berapa?' } },
    { type: 'reporter.answered', data: { text: 'Jam 10' } },
    { type: 'case.verified', data: { result: 'indicated', note: 'RAHASIA verifikasi', draftReply: 'RAHASIA draf' } },
    { type: 'case.assigned', data: { unitId: 10, handlerId: 103, teamId: null, instructions: 'RAHASIA instruksi' } },
    { type: 'case.started', data: { handlerId: 103 } },
    { type: 'case.note_added', data: { text: 'RAHASIA catatan' } },
    { type: 'response.drafted', data: { draftNumber: 1, drafterId: 103, finding: 'substantiated', text: 'Jawaban final' } },
    { type: 'response.submitted_for_approval', data: { draftNumber: 1, chain: [] } },
    { type: 'response.sent', data: { draftNumber: 1, finding: 'substantiated', text: 'Jawaban final' } },
  ];
  const history = reporterHistory(recorded(events));
  assert.deepEqual(history.map((entry) => entry.kind === 'status_changed' ? entry.status : entry.kind === 'message_to_reporter' || entry.kind === 'message_from_reporter' ? `${entry.kind}: ${entry.text}` : entry.kind), [
    'acknowledged',
    'needs_info', 'message_to_reporter: Jam berapa?',
    'received', 'message_from_reporter: Jam 10',
    'verified', 'assigned', 'in_progress', 'response_approved',
    'responded',
  ]);
  const shown = JSON.stringify(history);
  assert.ok(!shown.includes('RAHASIA') && !shown.includes('103'));
});
