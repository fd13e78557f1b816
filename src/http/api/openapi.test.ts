import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../../../test/support/test-app.js';
import { rolesAllow, rolesTaking } from '../../domain/workflow/allowed-actions.js';
import { caseActionNames } from '../../domain/workflow/case-action.js';

interface BodySchema { type?: string; properties?: Record<string, unknown>; anyOf?: BodySchema[] }
interface Operation { summary?: string; description?: string; requestBody?: { content?: Record<string, { schema?: BodySchema }> } }

/** An object, or a choice between objects (refer: to a unit or to an agency). */
function bodyKind(operation: Operation): string | undefined {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (schema?.anyOf) return schema.anyOf.every((branch) => branch.type === 'object') ? 'object' : 'mixed';
  return schema?.type;
}

let t: TestApp;
let paths: Record<string, { post?: Operation }>;

before(async () => {
  t = await startTestApp();
  const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  assert.equal(response.statusCode, 200);
  paths = response.json().paths;
});
after(() => t.close());

describe('the API document describes every workflow action', () => {
  // The list comes from the domain, so an action added there without its path and body fails here.
  for (const action of caseActionNames) {
    it(`documents ${action}: its path, its body and who may take it`, () => {
      const roles = rolesTaking(action);
      const byReporter = rolesAllow({ kind: 'reporter' }, action);
      assert.ok(roles.length > 0 || byReporter, `${action} is taken by somebody`);
      if (roles.length > 0) {
        const operation = paths[`/api/v1/complaints/{id}/actions/${action}`]?.post;
        assert.ok(operation, `POST /api/v1/complaints/{id}/actions/${action} is documented`);
        assert.equal(bodyKind(operation), 'object', `${action} has a body schema`);
        for (const role of roles) assert.ok(operation.description?.includes(`\`${role}\``), `${action}'s description names the role ${role}`);
        assert.match(operation.description ?? '', /States: /);
      }
      if (byReporter) {
        const operation = paths[`/api/v1/reporter/actions/${action}`]?.post;
        assert.ok(operation, `POST /api/v1/reporter/actions/${action} is documented`);
        assert.equal(bodyKind(operation), 'object', `the reporter's ${action} has a body schema`);
        assert.match(operation.description ?? '', /The reporter/);
      }
    });
  }

  it('names the fields and allowed values of a body, and the states an action needs', () => {
    const draft = paths['/api/v1/complaints/{id}/actions/draft_response']?.post;
    const finding = draft?.requestBody?.content?.['application/json']?.schema?.properties?.finding;
    assert.deepEqual(finding, { enum: ['substantiated', 'partly_substantiated', 'unsubstantiated', 'undeterminable'] });
    assert.match(paths['/api/v1/complaints/{id}/actions/verify']?.post?.description ?? '', /States: `received`\./);
    assert.match(paths['/api/v1/complaints/{id}/actions/approve']?.post?.description ?? '', /workflow\.not_your_turn/);
    assert.equal(paths['/api/v1/complaints/{id}/actions/{action}'], undefined, 'no catch-all path without a body');
  });
});
