import type { FastifyReply } from 'fastify';
import { h, type FunctionComponent, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * Sends a page as HTML. Preact escapes every text and attribute it renders, so no value a
 * user typed can become markup. Pages may hold a reporter's case: no shared cache keeps them.
 */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(`<!doctype html>${renderToString(page)}`);
}

/** After a form post: 303 so that reloading the next page does not post again. */
export function redirectAfterPost(reply: FastifyReply, location: string): FastifyReply {
  return reply.code(303).header('location', location).send();
}

/** A view with its props, for route files that hold no markup: the same element as `<View {...props} />`. */
export function view<P extends object>(component: FunctionComponent<P>, props: P): VNode {
  return h(component, props) as VNode;
}
