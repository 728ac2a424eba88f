// Child process of bench/api.ts: two servers that do less than yuscan, loaded exactly like
// it, so each run shows what this machine and its load generator allow at all.
//   apollo <port>     Apollo Server and Express as yuscan uses them, with a one-field schema:
//                     the floor of the chosen stack, answering `{ __typename }`.
//   fixed <port> <µs> node:http spending a fixed CPU time on each request and answering
//                     5 kB of JSON: what a given cost per request allows at 64 connections.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

const [mode, port, micros] = process.argv.slice(2);
const ready = (server: { address(): AddressInfo | string | null }) =>
  process.stdout.write(`READY http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);

if (mode === 'apollo') {
  const apollo = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', csrfPrevention: false });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = app.listen(Number(port), '127.0.0.1', () => ready(server));
} else if (mode === 'fixed') {
  const cost = Number(micros) / 1000;
  const body = JSON.stringify({ data: { padding: 'x'.repeat(5_000) } });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const start = performance.now();
      while (performance.now() - start < cost); // the work a request costs, on the one thread
      res.setHeader('content-type', 'application/json');
      res.end(body);
    });
  });
  server.listen(Number(port), '127.0.0.1', () => ready(server));
} else {
  throw new Error(`usage: api-floor-server.ts apollo <port> | fixed <port> <µs>`);
}
process.on('SIGTERM', () => process.exit(0));
