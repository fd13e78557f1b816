// The HTTP ceiling: Fastify 5 with one JSON POST route and nothing behind it.
// Run as its own process by start-server.ts (HOST and PORT come from the environment).
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.post('/', async () => ({ ok: true }));
app.get('/healthz', async () => ({ status: 'ok' }));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app.close().finally(() => process.exit(0));
  });
}
await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) });
