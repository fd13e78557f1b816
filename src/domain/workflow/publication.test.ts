import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StaffActor, StaffRole } from '../access/policy.js';
import type { CaseEvent } from '../case-event.js';
import type { ReporterIdentity } from '../complaint/identity.js';
import { DomainError } from '../domain-error.js';
import { allowedActions } from './allowed-actions.js';
import { context, given, reporter, staff, stateAfter, submitted } from '../../../test/support/case-scenario.js';
import { decide } from './decide.js';
import { mentionsReporter, publicAnswerMaxLength, publicAnswerProblems, publishedSummaryMaxLength, summaryProblems } from './publication.js';

const siti: ReporterIdentity = { name: 'Siti Aminah', nik: '1471012345670001', email: 'siti.aminah@example.org', phone: '0812-3456-7890', address: 'Jl. Melati 5, Pekanbaru' };

const answerText = 'Ibu Siti Aminah yang kami hormati, antrean loket memang lama. Kami menambah satu loket di Pekanbaru.';
const consenting = submitted({ allowPublication: true, identityMode: 'identified' });
const verified: CaseEvent = { type: 'case.verified', data: { result: 'indicated', note: 'Ada indikasi', draftReply: null } };
const toResponse: CaseEvent[] = [
  { type: 'case.started', data: { handlerId: 103 } },
  { type: 'response.drafted', data: { draftNumber: 1, drafterId: 103, finding: 'substantiated', text: answerText } },
  { type: 'response.submitted_for_approval', data: { draftNumber: 1, chain: [] } },
];
const handled: CaseEvent[] = [verified, { type: 'case.assigned', data: { unitId: 10, handlerId: 103, teamId: null, instructions: 'Periksa loket' } }, ...toResponse];
const sent: CaseEvent = { type: 'response.sent', data: { draftNumber: 1, finding: 'substantiated', text: answerText } };
const closed: CaseEvent = { type: 'case.closed', data: { note: 'Catatan internal: pelapor puas' } };
const resolved = [consenting, ...handled, sent, closed];
const publicAnswer = 'Antrean loket memang lama. Kami menambah satu loket di Pekanbaru.';
const publish = (summary: string, identity: ReporterIdentity | null = siti, answer = publicAnswer) => ({ action: 'publish', summary, publicAnswer: answer, reporterIdentity: identity }) as const;
const summary = 'Antrean loket KTP terlalu lama. Unit menambah satu loket pelayanan.';
const published: CaseEvent = { type: 'case.published', data: { summary, publicAnswer } };

describe('which closed cases may be published', () => {
  it('publishes a case closed after its response, with the summary and public answer staff wrote, never the response', () => {
    given(...resolved).when(publish(summary)).then(published);
    const state = stateAfter(given(...resolved).when(publish(summary)).events());
    assert.deepEqual([state.publication?.summary, state.publication?.publicAnswer], [summary, publicAnswer]);
  });
  it('shows no answer for a publication recorded before public answers, rather than the response it carried', () => {
    const old = { type: 'case.published', data: { summary, response: 'Ibu [disamarkan] yang kami hormati, petugas loket ditegur.' } } satisfies CaseEvent;
    assert.equal(stateAfter([...resolved, old]).publication?.publicAnswer, null);
  });
  it('publishes a case closed by the reporter\'s rating and one closed when the appeal window passed', () => {
    given(consenting, ...handled, sent, { type: 'reporter.rated', data: { rating: 5, comment: null } }, { type: 'case.closed', data: { note: null } })
      .when(publish(summary)).then(published);
    given(consenting, ...handled, sent, { type: 'case.closed_automatically', data: { reason: 'appeal_window_passed' } })
      .when(publish(summary)).then(published);
  });
  it('publishes a walk-in complaint answered at the desk', () => {
    const walkIn = submitted({ allowPublication: true, channel: 'walk_in' });
    given(walkIn, { type: 'case.resolved_at_desk', data: { answer: 'Berkas sudah diproses hari ini.' } }).when(publish(summary, null, ' Berkas diproses. '))
      .then({ type: 'case.published', data: { summary, publicAnswer: 'Berkas diproses.' } });
  });
  it('refuses, before anything about the state, a case whose reporter did not allow publication', () => {
    given(submitted(), ...handled, sent, closed).when(publish(summary)).thenRefuses('publication.not_consented');
    given(submitted()).when(publish(summary)).thenRefuses('publication.not_consented');
  });
  it('refuses an open case, a case answered but not closed, and one rejected, withdrawn, merged or referred', () => {
    for (const events of [
      [consenting],
      [consenting, ...handled, sent],
      [consenting, { type: 'case.rejected', data: { reason: 'out_of_scope', message: 'Bukan kewenangan kami' } }],
      [consenting, { type: 'case.withdrawn', data: { reason: 'Sudah beres' } }],
      [consenting, { type: 'case.merged', data: { intoId: 'c-2', intoRegisterNumber: 'ADU-2025-000002' } }],
      [consenting, { type: 'case.referred', data: { to: { kind: 'agency', agency: 'Ombudsman RI', note: 'x' } } }],
    ] satisfies CaseEvent[][]) {
      given(...events).when(publish(summary)).thenRefuses('workflow.action_not_allowed');
    }
  });
  it('refuses a case closed because the reporter never answered: nothing was answered', () => {
    given(consenting, { type: 'case.info_requested', data: { message: 'Loket berapa?' } }, { type: 'case.closed_automatically', data: { reason: 'no_answer' } })
      .when(publish(summary)).thenRefuses('workflow.action_not_allowed', { state: 'closed' });
  });
  it('never publishes a whistleblowing case', () => {
    const bribery: CaseEvent = { type: 'case.triaged', data: { categoryCode: 'integrity.bribery', urgency: 3, impact: 3, priority: 'high', isWhistleblowing: true } };
    given(consenting, bribery, ...handled, sent, closed).when(publish(summary), { ...staff.coordinator, teamIds: [99] }).thenRefuses('workflow.action_not_allowed');
  });
});

describe('the summary', () => {
  it('refuses a summary that names the reporter, in part or in another case, or gives their contacts', () => {
    for (const text of ['Pelapor Siti Aminah mengeluhkan antrean.', 'Ibu AMINAH mengeluhkan antrean.', 'Hubungi 0812 3456 7890.', 'Surel: Siti.Aminah@example.org', 'Rumah di Jl. Melati 5.']) {
      given(...resolved).when(publish(text)).thenRefuses('request.invalid');
      assert.deepEqual(summaryProblems(text, siti), [{ pointer: '/summary', code: 'mentions_reporter' }], text);
    }
  });
  it('refuses any NIK, whoever\'s it is, and a blank or too long summary', () => {
    assert.deepEqual(summaryProblems('NIK 3201 0123 4567 8901 tercatat.', null), [{ pointer: '/summary', code: 'mentions_reporter' }]);
    assert.deepEqual(summaryProblems('   ', siti), [{ pointer: '/summary', code: 'required' }]);
    assert.deepEqual(summaryProblems('x'.repeat(publishedSummaryMaxLength + 1), siti), [{ pointer: '/summary', code: 'maxLength', params: { limit: publishedSummaryMaxLength } }]);
  });
  it('accepts the town the problem was in, and words that merely contain a name', () => {
    assert.equal(mentionsReporter('Loket di Pekanbaru dekat Jalan Sitinjak.', siti), false);
  });
});

describe('the public answer', () => {
  it('is required, bounded, and refused when it names the reporter, as the summary is', () => {
    assert.deepEqual(publicAnswerProblems(' ', siti), [{ pointer: '/publicAnswer', code: 'required' }]);
    assert.deepEqual(publicAnswerProblems('x'.repeat(publicAnswerMaxLength + 1), siti), [{ pointer: '/publicAnswer', code: 'maxLength', params: { limit: publicAnswerMaxLength } }]);
    assert.deepEqual(publicAnswerProblems(answerText, siti), [{ pointer: '/publicAnswer', code: 'mentions_reporter' }]);
    given(...resolved).when(publish(summary, siti, answerText)).thenRefuses('request.invalid');
  });
});

describe('publishing again, withdrawing, and an appeal', () => {
  it('replaces the summary when published again', () => {
    const again = given(...resolved, published).when(publish('Ringkasan yang diperbaiki.', siti, 'Jawaban yang diperbaiki.')).events();
    assert.equal(stateAfter(again).publication?.summary, 'Ringkasan yang diperbaiki.');
    assert.equal(stateAfter(again).publication?.publicAnswer, 'Jawaban yang diperbaiki.');
  });
  it('withdraws a publication, with or without a reason, and refuses to withdraw what is not published', () => {
    given(...resolved, published).when({ action: 'unpublish', reason: 'Permintaan pelapor' }).then({ type: 'case.unpublished', data: { reason: 'Permintaan pelapor' } });
    const events = given(...resolved, published).when({ action: 'unpublish' }, staff.head).events();
    assert.deepEqual(events.at(-1), { type: 'case.unpublished', data: { reason: null } });
    assert.equal(stateAfter(events).publication, null);
    given(...resolved).when({ action: 'unpublish' }).thenRefuses('workflow.action_not_allowed');
    given(...resolved, published).when({ action: 'unpublish', reason: ' ' }).thenRefuses('request.invalid');
  });
  it('takes the case off the register when the reporter appeals, until it is answered, closed and published again', () => {
    const appealed = given(...resolved, published).when({ action: 'appeal', reasons: 'Belum puas' }, reporter).events();
    const state = stateAfter(appealed);
    assert.equal(state.publication, null);
    given(...appealed).when(publish(summary), staff.agencyHead, { unitPath: [1] }).thenRefuses('workflow.action_not_allowed');
  });
});

describe('who may publish and withdraw', () => {
  type Outcome = 'allowed' | 'complaint.not_found' | 'workflow.forbidden';
  const actor = (role: StaffRole, unitId: number, teamIds: number[] = []): StaffActor => ({ kind: 'staff', userId: 700, unitId, roles: [role], teamIds });
  // Unit 10 handled the case; unit 1 is above it; unit 20 is a sibling, whose team 5 was assigned the case.
  const assignedToTeam5: CaseEvent = { type: 'case.assigned', data: { unitId: 10, handlerId: null, teamId: 5, instructions: 'x' } };
  const teamCase: CaseEvent[] = [consenting, verified, assignedToTeam5, ...toResponse, sent, closed];
  const relations = {
    'own unit': { unitId: 10, teamIds: [], events: resolved },
    'unit above': { unitId: 1, teamIds: [], events: resolved },
    'sibling unit': { unitId: 20, teamIds: [], events: resolved },
    'sibling unit, in the assigned team': { unitId: 20, teamIds: [5], events: teamCase },
  } as const;
  const matrix: Record<StaffRole, Record<keyof typeof relations, Outcome>> = {
    coordinator: { 'own unit': 'allowed', 'unit above': 'allowed', 'sibling unit': 'complaint.not_found', 'sibling unit, in the assigned team': 'workflow.forbidden' },
    head: { 'own unit': 'allowed', 'unit above': 'allowed', 'sibling unit': 'complaint.not_found', 'sibling unit, in the assigned team': 'workflow.forbidden' },
    handler: { 'own unit': 'workflow.forbidden', 'unit above': 'workflow.forbidden', 'sibling unit': 'complaint.not_found', 'sibling unit, in the assigned team': 'workflow.forbidden' },
    intake: { 'own unit': 'workflow.forbidden', 'unit above': 'workflow.forbidden', 'sibling unit': 'complaint.not_found', 'sibling unit, in the assigned team': 'workflow.forbidden' },
    auditor: { 'own unit': 'workflow.forbidden', 'unit above': 'workflow.forbidden', 'sibling unit': 'workflow.forbidden', 'sibling unit, in the assigned team': 'workflow.forbidden' },
    admin: { 'own unit': 'complaint.not_found', 'unit above': 'complaint.not_found', 'sibling unit': 'complaint.not_found', 'sibling unit, in the assigned team': 'complaint.not_found' },
  };
  for (const [role, row] of Object.entries(matrix) as [StaffRole, Record<keyof typeof relations, Outcome>][]) {
    for (const [relation, expected] of Object.entries(row) as [keyof typeof relations, Outcome][]) {
      it(`${expected === 'allowed' ? 'lets' : 'does not let'} a ${role} in the ${relation} publish and withdraw (${expected})`, () => {
        const { unitId, teamIds, events } = relations[relation];
        const who = actor(role, unitId, [...teamIds]);
        for (const [command, history] of [[publish(summary), events], [{ action: 'unpublish' } as const, [...events, published]]] as const) {
          let outcome: Outcome = 'allowed';
          try {
            decide(stateAfter(history), command, who, context);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            outcome = error.code as Outcome;
          }
          assert.equal(outcome, expected, command.action);
          assert.equal(allowedActions(stateAfter(history), who, context).includes(command.action), expected === 'allowed', `${command.action} offered`);
        }
      });
    }
  }
  it('says why a coordinator who sees the case only through their team may not publish it', () => {
    given(...teamCase).when(publish(summary), actor('coordinator', 20, [5])).thenRefuses('workflow.forbidden', { reason: 'not_in_handling_unit' });
  });
  it('offers publish to the coordinator of a consenting closed case, and never without consent', () => {
    assert.ok(allowedActions(stateAfter(resolved), staff.coordinator, context).includes('publish'));
    assert.ok(!allowedActions(stateAfter([submitted(), ...handled, sent, closed]), staff.coordinator, context).includes('publish'));
  });
});
