// A minimal Genesys-shaped loopback server for bench/transport.mjs, run in its own process so the client under
// test does not share an event loop with it. Prints its port on stdout.
import http from 'node:http';

const skill = JSON.stringify({
  id: 'skill-1',
  name: 'Billing',
  state: 'active',
  version: 1,
  selfUri: '/api/v2/routing/skills/skill-1',
});
const server = http.createServer((req, res) => {
  if (req.url === '/oauth/token') {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'bench-token-0123456789', token_type: 'bearer', expires_in: 86400 }));
    });
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/json',
    'inin-correlation-id': 'c0ffee00-0000-4000-8000-000000000000',
    'inin-ratelimit-count': '1',
    'inin-ratelimit-allowed': '1000000',
    'inin-ratelimit-reset': '60',
  });
  res.end(skill);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('disconnect', () => process.exit(0));
