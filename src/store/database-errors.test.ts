import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseErrorSummary, isDatabaseUnavailable } from './database-errors.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a server that is down, restarting, or cut off', () => {
    for (const error of [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      withCode('ECONNRESET'), withCode('ETIMEDOUT'), withCode('EHOSTUNREACH'), withCode('ENOTFOUND'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P02'), withCode('57P03', 'the database system is starting up'),
      withCode('08006'), withCode('08001'), withCode('53300', 'sorry, too many clients already'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      // A connect that got no answer within the connection's own time limit.
      new Error('timeout expired'),
      new Error('Client has encountered a connection error and is not queryable'),
      // pg-boss appends where it happened.
      new Error('Connection terminated unexpectedly (Queue: outbox-relay, Worker: 3f2a)'),
      // pg-boss also re-emits errors as plain objects.
      { code: '57P01', message: 'terminating connection due to administrator command (Queue: x, Worker: y)' },
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''),
      new Error('query failed', { cause: withCode('ECONNRESET') }),
    ]) {
      assert.equal(isDatabaseUnavailable(error), true, String((error as Error).message));
    }
  });

  it('leaves bugs and refused statements to be what they are', () => {
    for (const error of [
      withCode('23505', 'duplicate key value violates unique constraint'),
      withCode('42P01', 'relation "complaints" does not exist'),
      withCode('40001', 'could not serialize access'),
      withCode('ENOENT'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      new Error('Some Connection terminated in the middle of a sentence'),
      new AggregateError([withCode('ECONNREFUSED'), new Error('bug')], ''),
      'Connection terminated', undefined, null, 42,
    ]) {
      assert.equal(isDatabaseUnavailable(error), false, String(error));
    }
  });
});

describe('databaseErrorSummary', () => {
  it('keeps the message and the code, and drops the client pg hangs on an idle connection\'s error', () => {
    const error = Object.assign(withCode('57P01', 'terminating connection due to administrator command'), { client: { password: 'secret' } });
    assert.deepEqual(databaseErrorSummary(error), { message: 'terminating connection due to administrator command', code: '57P01' });
  });
});
