// Child process of bench/api.ts: the API server alone, so autocannon does not share its CPU.
import { connect } from '../db';
import { limitHeapGrowth, SERVER_HEAP_GROWTH_PERCENT } from '../config/heap';
import { createServer } from '../api/server';

const [url, port, responseCacheSize] = process.argv.slice(2);
limitHeapGrowth(SERVER_HEAP_GROWTH_PERCENT); // as `yuscan serve` does
const db = connect(url!);
const server = await createServer({
  db,
  port: Number(port),
  host: '127.0.0.1',
  rateLimit: false,
  ...(responseCacheSize === undefined ? {} : { responseCacheSize: Number(responseCacheSize) }),
});
process.stdout.write(`READY ${server.url}\n`);
process.on('SIGTERM', async () => {
  await server.close();
  await db.close();
  process.exit(0);
});
