import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { confirmTotp } from '../../../app/auth/confirm-totp.js';
import { createApiToken } from '../../../app/auth/create-api-token.js';
import { enrolTotp } from '../../../app/auth/enrol-totp.js';
import { getStaffProfile } from '../../../app/auth/get-staff-profile.js';
import { listApiTokens } from '../../../app/auth/list-api-tokens.js';
import { revokeApiToken } from '../../../app/auth/revoke-api-token.js';
import { signInStaff } from '../../../app/auth/sign-in-staff.js';
import { signOutStaff } from '../../../app/auth/sign-out-staff.js';
import type { HttpContext } from '../../http-context.js';
import { clearSessionCookie, setSessionCookie } from '../../plugins/session-cookie.js';
import { presentedStaffToken, requireStaff, requireStaffSession } from '../../plugins/staff-auth.js';
import { problemResponses } from '../shared/problem-schema.js';
import { IdParams } from '../shared/id-params.js';
import {
  ApiTokenSummary, CreateApiTokenBody, CreatedApiTokenReply, LoginBody, LoginReply, MeReply,
  TotpConfirmBody, TotpConfirmReply, TotpEnrolReply,
} from './schemas.js';

const isoOrNull = (date: Date | null) => (date === null ? null : date.toISOString());

export async function authRoutes(app: FastifyInstance, context: HttpContext): Promise<void> {
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const { deps } = context;

  typed.post('/api/v1/auth/login', {
    schema: {
      summary: 'Sign in as staff',
      description: 'Answers a session token and sets it as the aduan_session cookie. A wrong email and a wrong password answer alike. ' +
        'With TOTP on, send the code (or a recovery code) as `totp`. After a few failures for one email from one client address, that ' +
        'pair must wait (30 s, doubling up to 15 min) and gets 429 auth.sign_in_throttled with Retry-After, whatever it sends; ' +
        'many failures from one address over any accounts make the address wait too. Nobody is locked out from their own address.',
      tags: ['auth'],
      body: LoginBody,
      response: { 200: LoginReply, ...problemResponses(400, 401, 429) },
    },
    // A burst guard per client address, in memory; the throttling of failures lives in the database.
    config: { rateLimit: { max: context.limits.signInsPerMinute ?? 20, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const signedIn = await signInStaff(deps, request.body, { address: request.ip });
    setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt, deps.clock.now());
    return { token: signedIn.token, expiresAt: signedIn.expiresAt.toISOString(), totpEnrolmentRequired: signedIn.isTotpEnrolmentRequired };
  });

  typed.post('/api/v1/auth/logout', {
    schema: { summary: 'Sign out: revokes the token the request carries and clears the cookie', tags: ['auth'], response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const token = presentedStaffToken(request);
    if (token !== undefined) await signOutStaff(deps, token);
    clearSessionCookie(request, reply);
    return reply.code(204).send(null);
  });

  typed.get('/api/v1/auth/me', {
    schema: { summary: 'Who is signed in', tags: ['auth'], response: { 200: MeReply, ...problemResponses(401) } },
  }, async (request) => {
    const session = await requireStaffSession(request, deps);
    const profile = await getStaffProfile(deps, session.actor);
    return { ...profile, roles: [...session.actor.roles], teamIds: [...profile.teamIds], totpEnabled: profile.isTotpEnabled, totpEnrolmentRequired: session.isTotpEnrolmentRequired };
  });

  typed.post('/api/v1/auth/totp/enrol', {
    schema: { summary: 'Start TOTP enrolment: the secret is shown once', tags: ['auth'], response: { 200: TotpEnrolReply, ...problemResponses(401, 409) } },
  }, async (request) => enrolTotp(deps, (await requireStaffSession(request, deps)).actor));

  typed.post('/api/v1/auth/totp/confirm', {
    schema: {
      summary: 'Confirm TOTP with a first code: turns it on and answers ten recovery codes, shown once',
      tags: ['auth'], body: TotpConfirmBody, response: { 200: TotpConfirmReply, ...problemResponses(400, 401, 409) },
    },
  }, async (request) => confirmTotp(deps, (await requireStaffSession(request, deps)).actor, request.body.code));

  typed.get('/api/v1/auth/tokens', {
    schema: { summary: 'My API tokens (never their secrets)', tags: ['auth'], response: { 200: Type.Object({ items: Type.Array(ApiTokenSummary) }), ...problemResponses(401, 403) } },
  }, async (request) => {
    const tokens = await listApiTokens(deps, await requireStaff(request, deps));
    return { items: tokens.map((token) => ({ ...token, createdAt: token.createdAt.toISOString(), expiresAt: isoOrNull(token.expiresAt), lastUsedAt: isoOrNull(token.lastUsedAt) })) };
  });

  typed.post('/api/v1/auth/tokens', {
    schema: { summary: 'Create an API token: the secret is shown once', tags: ['auth'], body: CreateApiTokenBody, response: { 201: CreatedApiTokenReply, ...problemResponses(400, 401, 403) } },
  }, async (request, reply) => {
    const created = await createApiToken(deps, await requireStaff(request, deps), request.body);
    return reply.code(201).send({ ...created, createdAt: created.createdAt.toISOString(), expiresAt: isoOrNull(created.expiresAt) });
  });

  typed.delete('/api/v1/auth/tokens/:id', {
    schema: { summary: 'Revoke one of my API tokens', tags: ['auth'], params: IdParams, response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await revokeApiToken(deps, await requireStaff(request, deps), Number(request.params.id));
    return reply.code(204).send(null);
  });
}
