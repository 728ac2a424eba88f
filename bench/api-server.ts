// Child process of bench/api.ts: the API server alone, so autocannon does not share its CPU.
// With a worker count above 1 it runs as `yuscan serve --workers N` does (api/cluster.ts).
import cluster from 'node:cluster';
import { connect } from '../db';
import { limitHeapGrowth, SERVER_HEAP_GROWTH_PERCENT } from '../config/heap';
import { createServer } from '../api/server';
import { leaveCluster, serveInCluster, startWorkers } from '../api/cluster';

const [url, port, workers, responseCacheSize] = process.argv.slice(2);
const count = Number(workers);
if (count > 1 && cluster.isPrimary) {
  const all = await startWorkers(count);
  process.stdout.write(`READY ${all.url}\n`);
  process.on('SIGTERM', async () => {
    await all.stop();
    process.exit(0);
  });
} else {
  limitHeapGrowth(SERVER_HEAP_GROWTH_PERCENT); // as `yuscan serve` does
  const db = connect(url!);
  const server = await createServer({
    db,
    port: Number(port),
    host: '127.0.0.1',
    rateLimit: false,
    clusterWorker: count > 1,
    ...(responseCacheSize === undefined ? {} : { responseCacheSize: Number(responseCacheSize) }),
  });
  const stop = async () => {
    await server.close();
    await db.close();
  };
  if (count > 1) {
    await serveInCluster(server.url);
    await stop();
    leaveCluster();
  } else {
    process.stdout.write(`READY ${server.url}\n`);
    process.on('SIGTERM', async () => {
      await stop();
      process.exit(0);
    });
  }
}
