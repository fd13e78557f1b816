import type { FastifyInstance } from 'fastify';
import { getPublicStatistics } from '../../../../app/statistics/get-public-statistics.js';
import type { HttpContext } from '../../../http-context.js';
import { MessagePage } from '../../kit/layout.js';
import { sendPage, view } from '../../kit/render.js';
import { webContext } from '../../kit/web-context.js';
import { statisticsCharts } from './statistics-charts.js';
import { StatisticsPage } from './statistics-page.js';

const StatisticsQuery = {
  type: 'object',
  properties: { tahun: { type: 'string', pattern: '^([0-9]{4})?$', description: 'A year; empty for the last 12 months' } },
} as const;

/** `/statistik`: the public statistics, for the last twelve months or a year (`?tahun=2025`). */
export async function statisticsPages(app: FastifyInstance, context: HttpContext): Promise<void> {
  app.get<{ Querystring: { tahun?: string } }>('/statistik', { schema: { hide: true, querystring: StatisticsQuery } }, async (request, reply) => {
    const ctx = webContext(context.deps, request, reply);
    const year = request.query.tahun ? Number(request.query.tahun) : undefined;
    const statistics = await getPublicStatistics(context.deps, year === undefined ? { kind: 'last_12_months' } : { kind: 'year', year });
    // Only a year typed into the address can be missing: the form offers the ones there are.
    if (statistics === undefined) return sendPage(reply, MessagePage({ ctx, title: ctx.t('error.notFound.title'), body: ctx.t('error.notFound.body') }), 404);
    return sendPage(reply, view(StatisticsPage, { ctx, statistics, charts: statisticsCharts(ctx, statistics, context.deps.caches) }));
  });
}
