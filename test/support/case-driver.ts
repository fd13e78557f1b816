// The API as tests drive it in process: submit a complaint, act on a case, track it as the
// reporter. One definition for every test file; each file binds it to its own app.
import assert from 'node:assert/strict';
import type { TestApp } from './test-app.js';
import { aComplaint } from './test-app.js';
import { signInAgain } from './staff.js';

/** What the API answers a complaint with, and what the reporter later tracks it by. */
export interface Submitted {
  id: string;
  registerNumber: string;
  trackingCode: string;
}

/** Who calls: a staff member from aStaffMember, or just an authorization header. */
export interface Caller {
  authorization: string;
  email?: string;
}

export interface CaseDriverOptions {
  /**
   * Sign the staff member in again for each request, at the clock's current time: tests that
   * move the clock by days need it, since that ends sessions opened earlier.
   */
  signInEachRequest?: boolean;
}

/**
 * The driver for the app `app()` returns (called per request, so a file can bind it before its
 * `before` hook starts the app). `postComplaint` and `act` return the raw answer; `submit`,
 * `actOk` and `reporterToken` assert success and return what the next step needs.
 */
export function caseDriver(app: () => TestApp, options: CaseDriverOptions = {}) {
  const authorizationOf = async (caller: Caller): Promise<string> => {
    if (!options.signInEachRequest) return caller.authorization;
    assert.ok(caller.email, 'signing in again needs the staff member from aStaffMember');
    return signInAgain(app(), { email: caller.email });
  };
  const headersOf = async (caller: Caller | undefined, language: string | undefined): Promise<Record<string, string>> => ({
    ...(caller === undefined ? {} : { authorization: await authorizationOf(caller) }),
    ...(language === undefined ? {} : { 'accept-language': language }),
  });

  /** POSTs aComplaint(overrides), by the public or, with `caller`, by staff; the raw answer. */
  const postComplaint = async (overrides: Record<string, unknown> = {}, caller?: Caller) =>
    app().app.inject({ method: 'POST', url: '/api/v1/complaints', payload: aComplaint(overrides), headers: await headersOf(caller, undefined) });

  /** POSTs a case action; the raw answer (the staff view, or a problem). */
  const act = async (caller: Caller, id: string, action: string, payload: object = {}, language?: string) =>
    app().app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/actions/${action}`, headers: await headersOf(caller, language), payload });

  return {
    postComplaint,
    act,

    /** As postComplaint, asserting 201. */
    async submit(overrides: Record<string, unknown> = {}, caller?: Caller): Promise<Submitted> {
      const response = await postComplaint(overrides, caller);
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as Submitted;
    },

    /** As act, asserting 200; the staff view after the action. */
    async actOk(caller: Caller, id: string, action: string, payload: object = {}, language?: string) {
      const response = await act(caller, id, action, payload, language);
      assert.equal(response.statusCode, 200, `${action}: ${response.body}`);
      return response.json();
    },

    /** Tracks the complaint as its reporter does; `Bearer …` for the reporter's requests. */
    async reporterToken(submitted: Pick<Submitted, 'registerNumber' | 'trackingCode'>): Promise<string> {
      const tracked = await app().app.inject({ method: 'POST', url: '/api/v1/track', payload: { registerNumber: submitted.registerNumber, trackingCode: submitted.trackingCode } });
      assert.equal(tracked.statusCode, 200, tracked.body);
      return `Bearer ${(tracked.json() as { accessToken: string }).accessToken}`;
    },
  };
}
